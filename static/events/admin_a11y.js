// The admin's autocomplete boxes (Select2, as vendored by Django) do not carry their field's
// label: a screen reader announces an unnamed combobox, and axe-core reports it. Name each box
// and its search field after the field's <label>, and move Select2's "remove all" cross out of
// the list of chosen items (a <ul> may only hold <li>). Select2 redraws these on every change,
// so they are named again whenever the form changes.
(function () {
  "use strict";

  function name(select) {
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    var container = select.nextElementSibling;
    if (!label || !container || !container.classList.contains("select2")) return;
    if (!label.id) label.id = select.id + "-label";
    var selection = container.querySelector(".select2-selection");
    if (selection) {
      var rendered = selection.querySelector(".select2-selection--single .select2-selection__rendered, .select2-selection__rendered[id]");
      var labelledBy = label.id + (rendered && rendered.id ? " " + rendered.id : "");
      if (selection.getAttribute("aria-labelledby") !== labelledBy) {
        selection.setAttribute("aria-labelledby", labelledBy);
      }
      // The chosen value is shown as a read-only textbox, which needs a name of its own.
      if (rendered && rendered.getAttribute("aria-labelledby") !== label.id) {
        rendered.setAttribute("aria-labelledby", label.id);
      }
    }
    var search = container.querySelector(".select2-search__field");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", label.textContent.replace(/:$/, ""));
    var list = container.querySelector("ul.select2-selection__rendered");
    var clear = list && list.querySelector(":scope > .select2-selection__clear");
    if (clear) list.parentNode.insertBefore(clear, list);
  }

  // A tabular inline labels its columns in the header only: name each input after its column.
  function nameColumns(table) {
    var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        var heading = headings[i] || (cell.classList.contains("delete") ? "Delete" : "");
        if (!heading) return;
        Array.prototype.forEach.call(cell.querySelectorAll("input:not([type=hidden]), select, textarea"), function (field) {
          if (!field.labels.length && !field.hasAttribute("aria-label")) field.setAttribute("aria-label", heading);
        });
      });
    });
  }

  function nameAll() {
    Array.prototype.forEach.call(document.querySelectorAll("select.admin-autocomplete"), name);
    Array.prototype.forEach.call(document.querySelectorAll(".tabular table"), nameColumns);
  }

  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; nameAll(); });
  }

  window.addEventListener("load", function () {
    nameAll();
    new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
  });
})();

// Every page: on a phone the filters fold away above the results (still one tap away) unless
// they need correcting; and empty fields, and selects left at their first option ("Any …",
// the default order), are left out of the query string a filter form submits (and of the
// map's requests), so shared links carry only the filters that are set. A place chosen from
// the suggestions ("Al-Soussa (Deir ez-Zor) #42") travels as its id (42): the server shows
// the label back, and turns a name typed without choosing into the id too.
(function () {
  "use strict";
  var panel = document.getElementById("filter-panel");
  if (panel && window.matchMedia("(max-width: 800px)").matches && !panel.querySelector(".error")) {
    panel.open = false;
  }
  var form = document.getElementById("filters");
  if (form) {
    form.addEventListener("formdata", function (event) {
      var empty = [];
      event.formData.forEach(function (value, key) { if (value === "") empty.push(key); });
      var place = event.formData.get("place");
      var id = typeof place === "string" && place.match(/#(\d+)\s*$/);
      if (id) event.formData.set("place", id[1]);
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
        if (select.selectedIndex === 0 && !select.multiple) empty.push(select.name);
      });
      empty.forEach(function (key) { event.formData.delete(key); });
    });
  }
})();
// The place filter: suggestions from the server as you type, into the input's <datalist>.
(function () {
  "use strict";
  var input = document.querySelector("input[data-suggest]");
  if (!input) return;
  var list = document.createElement("datalist");
  list.id = input.getAttribute("list");
  input.parentNode.appendChild(list);
  var timer = null, asked = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var typed = input.value.trim();
      if (typed.length < 2 || typed === asked || typed.indexOf("#") !== -1) return;
      asked = typed;
      fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(typed))
        .then(function (response) { return response.ok ? response.json() : { places: [] }; })
        .then(function (data) {
          list.textContent = "";
          data.places.forEach(function (label) {
            var option = document.createElement("option");
            option.value = label;
            list.appendChild(option);
          });
        })
        .catch(function () { /* Typing a name that only one place has still works. */ });
    }, 150);
  });
})();

#!/bin/sh
# Debian's gdal-bin (ogrinfo, ogr2ogr) for the GIS-client tests (make test-gis): a real OGC API
# client reads the live server. Only the tests use it; the site itself needs no GDAL.
command -v ogrinfo >/dev/null && command -v ogr2ogr >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's gdal-bin for the GIS-client tests"
    (apt-get install -y -q gdal-bin >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q gdal-bin >/dev/null; }) \
        || { echo "error: could not install gdal-bin" >&2; exit 1; }
else
    echo "error: ogrinfo missing and cannot be installed (need root and apt-get): apt-get install gdal-bin" >&2
    exit 1
fi

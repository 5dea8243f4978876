// Interview Coach admin: small enhancements only; every page works without JavaScript.
(function () {
  "use strict";
  // "Select every job on this page" for the bulk change (the checkbox is hidden without JS).
  var all = document.getElementById("coach-select-all");
  if (all) {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".coach-select"));
    all.hidden = false;
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        all.checked = boxes.every(function (b) { return b.checked; });
        all.indeterminate = !all.checked && boxes.some(function (b) { return b.checked; });
      });
    });
  }
  // Ask before changing every job that matches a search.
  var bulk = document.getElementById("coach-bulk");
  if (bulk) {
    bulk.addEventListener("submit", function (event) {
      var target = bulk.querySelector('input[name="target"]:checked');
      if (target && target.value === "matching" &&
          !window.confirm("Change this email for every job that matches the search?")) {
        event.preventDefault();
      }
    });
  }
})();

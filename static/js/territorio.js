// Progressive enhancement: once a department is chosen, show only its
// municipalities. Without JavaScript the grouped list works as it is.
(function () {
  "use strict";
  var department = document.getElementById("id_department");
  var municipality = document.getElementById("id_municipality");
  if (!department || !municipality) { return; }
  var groups = Array.prototype.slice.call(municipality.querySelectorAll("optgroup"));
  function filter() {
    var chosen = department.options[department.selectedIndex];
    var name = chosen && chosen.value ? chosen.text : "";
    groups.forEach(function (group) {
      var visible = !name || group.label === name;
      group.hidden = !visible;
      group.disabled = !visible;
    });
    var selected = municipality.options[municipality.selectedIndex];
    if (selected && selected.parentNode.disabled) { municipality.value = ""; }
  }
  department.addEventListener("change", filter);
  filter();
}());

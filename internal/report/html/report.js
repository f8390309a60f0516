// Filters for the findings list. The page is complete without this script:
// it only reveals the filter bar and hides findings that do not match.
(function () {
  "use strict";
  var bar = document.getElementById("filters");
  if (!bar) return;
  var severities = bar.querySelectorAll(".sev-filter");
  var rule = document.getElementById("rule-filter");
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var none = document.getElementById("none-shown");
  var findings = document.querySelectorAll(".finding");
  var targets = document.querySelectorAll(".target");
  var groups = document.querySelectorAll(".tag-group");
  var text = [];
  for (var i = 0; i < findings.length; i++) {
    var target = findings[i].closest(".target");
    var path = target ? target.querySelector("h3").textContent : "";
    text.push((findings[i].textContent + " " + path).toLowerCase());
  }

  function apply() {
    var wanted = {};
    for (var i = 0; i < severities.length; i++) {
      wanted[severities[i].value] = severities[i].checked;
    }
    var r = rule.value;
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    for (var j = 0; j < findings.length; j++) {
      var f = findings[j];
      var ok = wanted[f.dataset.severity] && (!r || f.dataset.rule === r) &&
        words.every(function (w) { return text[j].indexOf(w) >= 0; });
      f.hidden = !ok;
      if (ok) count++;
    }
    for (var g = 0; g < groups.length; g++) {
      groups[g].hidden = !groups[g].querySelector(".finding:not([hidden])");
    }
    for (var k = 0; k < targets.length; k++) {
      targets[k].hidden = !targets[k].querySelector(".finding:not([hidden])");
    }
    shown.textContent = count + " of " + findings.length + " findings";
    none.hidden = count > 0;
  }

  bar.addEventListener("input", apply);
  bar.addEventListener("change", apply);
  bar.hidden = false;
  apply();
})();

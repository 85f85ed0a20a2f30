(function () {
  "use strict";
  // Show or hide record rows by operation (+ - ~) and kind.
  var boxes = document.querySelectorAll("#controls input");
  var kindOf = {fact: "facts", event: "events", contact: "contacts", story: "stories"};
  function apply() {
    var ops = {}, kinds = {};
    Array.prototype.forEach.call(boxes, function (b) {
      if (b.hasAttribute("data-op")) ops[b.getAttribute("data-op")] = b.checked;
      else kinds[b.getAttribute("data-kind")] = b.checked;
    });
    Array.prototype.forEach.call(document.querySelectorAll("table.recs tbody tr"), function (tr) {
      tr.hidden = !(ops[tr.getAttribute("data-op")] && kinds[kindOf[tr.getAttribute("data-kind")]]);
    });
  }
  Array.prototype.forEach.call(boxes, function (b) { b.addEventListener("change", apply); });
  document.documentElement.setAttribute("data-ready", "1");
})();

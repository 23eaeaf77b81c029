/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var KEY = "textScale";
  var STEPS = [0.9, 1, 1.12, 1.25];
  function apply(step) {
    document.documentElement.style.setProperty("--text-scale", STEPS[step]);
  }
  var stored = parseInt(localStorage.getItem(KEY) || "1", 10);
  var step = isNaN(stored) ? 1 : Math.min(Math.max(stored, 0), STEPS.length - 1);
  apply(step);
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-text-size]");
    if (!button) return;
    var delta = parseInt(button.getAttribute("data-text-size"), 10);
    step = delta === 0 ? 1 : Math.min(Math.max(step + delta, 0), STEPS.length - 1);
    localStorage.setItem(KEY, String(step));
    apply(step);
  });
  // The menu is open by default on wide screens (the <details> summary is hidden there).
  var menu = document.querySelector(".menu-toggle");
  if (menu && window.matchMedia("(min-width: 1000px)").matches) menu.open = true;
})();

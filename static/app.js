// Small behaviours that would otherwise need inline script (the CSP forbids it).
// The app works without JavaScript; htmx and this file only make it quicker.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.addEventListener("DOMContentLoaded", function () {
    // Focus the first invalid field of a form that came back with errors.
    var invalid = document.querySelector("main [aria-invalid='true']");
    if (invalid) invalid.focus();
  });

  // A window (<dialog>) opens when htmx has filled it; focus goes back on close.
  document.addEventListener("htmx:afterSwap", function (event) {
    var dialog = event.detail.target.closest && event.detail.target.closest("dialog");
    if (dialog && !dialog.open) dialog.showModal();
    if (dialog) {
      var first = dialog.querySelector("[aria-invalid='true'], textarea, .window-actions a, button");
      if (first) first.focus();
    }
  });

  document.addEventListener("click", function (event) {
    var closer = event.target.closest && event.target.closest("[data-close-dialog]");
    if (closer) closer.closest("dialog").close();
  });

  // Enter in a search box searches instead of submitting the form around it.
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (event.key === "Enter" && input.matches && input.matches("input[type='search'][hx-get]")) {
      event.preventDefault();
      if (window.htmx) window.htmx.trigger(input, "search");
    }
  });
})();

// Small behaviours that would otherwise need inline script (the CSP forbids it).
// Kept tiny: the app works without JavaScript; htmx and this only make it quicker.
(function () {
  "use strict";
  // Move focus to the first invalid field of a form that came back with errors.
  document.addEventListener("DOMContentLoaded", function () {
    var invalid = document.querySelector("main [aria-invalid='true']");
    if (invalid) invalid.focus();
  });
})();

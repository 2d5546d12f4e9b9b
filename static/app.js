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

  // 選択したお客様を削除: the confirm says how many are selected; OK submits the form.
  document.addEventListener("click", function (event) {
    var opener = event.target.closest && event.target.closest("[data-confirm-dialog]");
    if (!opener) return;
    var dialog = document.getElementById(opener.getAttribute("data-confirm-dialog"));
    var form = opener.form;
    if (!dialog || !form) return;
    event.preventDefault();
    var count = form.querySelectorAll("input[name='ids']:checked").length;
    dialog.querySelector("[data-selected-count]").textContent = String(count);
    dialog.showModal();
  });

  // The checkbox of the whole page selects (or clears) every row of that page.
  document.addEventListener("change", function (event) {
    var all = event.target;
    if (!all.matches || !all.matches("[data-select-all]")) return;
    var boxes = all.form ? all.form.querySelectorAll("input[name='" + all.getAttribute("data-select-all") + "']") : [];
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = all.checked;
  });

  // Selection belongs to the page: coming back to it (Back, bfcache) starts with none.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    var boxes = document.querySelectorAll("form[autocomplete='off'] input[type='checkbox']");
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = false;
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

/* newstrace web UI: keeps the write token for this tab, and shows that an analysis is running. */
(function () {
  "use strict";
  document.querySelectorAll("form.paste").forEach(function (form) {
    var token = form.querySelector('input[name="token"]');
    if (token && sessionStorage.getItem("newstrace-token")) token.value = sessionStorage.getItem("newstrace-token");
    form.addEventListener("submit", function () {
      if (token) sessionStorage.setItem("newstrace-token", token.value);
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; button.textContent = "Analysing…"; }
    });
  });
})();

/* "Đổi mã khác" without reloading the page. Without JavaScript the button posts the form back
   with the typed text and a fresh code, so this file is an enhancement only. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-captcha-refresh]");
    if (!button || !window.fetch) return;
    var box = button.closest("[data-captcha]");
    var form = button.form;
    if (!box || !form) return;
    event.preventDefault();
    fetch(box.getAttribute("data-refresh-url"), {
      headers: { "X-Requested-With": "XMLHttpRequest" },
      credentials: "same-origin"
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var img = box.querySelector(".captcha-image");
        img.src = data.image_url;
        img.srcset = data.image_url + " 1x, " + data.image_url.replace(/\/$/, "@2/") + " 2x";
        var audio = box.querySelector("[data-captcha-audio]");
        if (audio && data.audio_url) audio.href = data.audio_url;
        form.querySelector("input[name='captcha_0']").value = data.key;
        var answer = form.querySelector("input[name='captcha_1']");
        answer.value = "";
        answer.focus();
      })
      .catch(function () {
        form.requestSubmit ? form.requestSubmit(button) : form.submit();
      });
  });
})();

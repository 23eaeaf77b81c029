/* The comment form's "Mã kiểm tra" without reloading the page. The article page is sent without
   a code (so reading it writes nothing); the code is fetched when the reader starts writing, and
   "Đổi mã khác" fetches another. Without JavaScript the buttons post the form back with the typed
   text and a fresh code, so this file is an enhancement only. */
(function () {
  "use strict";

  function load(box, focusAnswer) {
    var form = box.closest("form");
    return fetch(box.getAttribute("data-refresh-url"), {
      headers: { "X-Requested-With": "XMLHttpRequest" },
      credentials: "same-origin"
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var img = box.querySelector(".captcha-image");
        if (!img) {
          img = document.createElement("img");
          img.className = "captcha-image";
          img.alt = "Ảnh mã kiểm tra: các chữ cái cần nhập";
          var placeholder = box.querySelector(".captcha-placeholder");
          if (placeholder) placeholder.replaceWith(img); else box.prepend(img);
          var button = box.querySelector("[data-captcha-refresh]");
          if (button) button.textContent = "Đổi mã khác";
          box.removeAttribute("data-captcha-deferred");
        }
        img.src = data.image_url;
        img.srcset = data.image_url + " 1x, " + data.image_url.replace(/\/$/, "@2/") + " 2x";
        var audio = box.querySelector("[data-captcha-audio]");
        if (!audio && data.audio_url && box.hasAttribute("data-captcha-audio-enabled")) {
          audio = document.createElement("a");
          audio.className = "captcha-audio";
          audio.setAttribute("data-captcha-audio", "");
          audio.textContent = "Nghe mã (đọc bằng tiếng Anh)";
          box.querySelector(".captcha-actions").appendChild(audio);
        }
        if (audio && data.audio_url) audio.href = data.audio_url;
        form.querySelector("input[name='captcha_0']").value = data.key;
        var answer = form.querySelector("input[name='captcha_1']");
        if (focusAnswer) {
          // A new code: the answer typed for the old one is wrong now. The first code keeps
          // whatever the reader already typed.
          answer.value = "";
          answer.focus();
        }
      });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-captcha-refresh]");
    if (!button || !window.fetch) return;
    var box = button.closest("[data-captcha]");
    if (!box || !button.form) return;
    event.preventDefault();
    load(box, true).catch(function () {
      button.form.requestSubmit ? button.form.requestSubmit(button) : button.form.submit();
    });
  });

  // The first time the reader moves into a form whose code is not there yet, fetch it.
  document.addEventListener("focusin", function (event) {
    if (!window.fetch) return;
    var form = event.target.closest && event.target.closest("form");
    var box = form && form.querySelector("[data-captcha-deferred]");
    if (!box || box.hasAttribute("data-loading")) return;
    box.setAttribute("data-loading", "");
    load(box, false).catch(function () {
      box.removeAttribute("data-loading");
    });
  });
})();

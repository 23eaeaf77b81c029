/* The print view's "In bài viết" button: the browser's print dialog. Without JavaScript the
   button stays hidden and the page is printed from the browser's menu; the way back is a link. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();

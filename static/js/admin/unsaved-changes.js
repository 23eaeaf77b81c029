/* Admin article form: warn before leaving with unsaved changes, CKEditor content included.
 *
 * The form is "dirty" once the editor types in any field or in a CKEditor 5 editor, and clean
 * again when it is submitted. Leaving a dirty form (link, back button, closing the tab) makes the
 * browser ask for confirmation; a notice next to the save buttons says there is unsaved work.
 */
(function () {
  "use strict";

  var NOTICE = "Có thay đổi chưa lưu. Hãy bấm “Lưu” trước khi rời trang.";

  function init() {
    var form = document.querySelector("#content-main form[method=post]");
    if (!form) return;
    var dirty = false;
    var submitting = false;
    var notices = [];

    form.querySelectorAll(".submit-row").forEach(function (row) {
      var notice = document.createElement("p");
      notice.className = "unsaved-notice";
      notice.setAttribute("role", "status");
      notice.hidden = true;
      notice.textContent = NOTICE;
      row.parentNode.insertBefore(notice, row);
      notices.push(notice);
    });

    function markDirty() {
      if (dirty) return;
      dirty = true;
      form.dataset.unsaved = "1";
      notices.forEach(function (n) { n.hidden = false; });
    }

    form.addEventListener("input", markDirty);
    form.addEventListener("change", markDirty);
    form.addEventListener("submit", function () { submitting = true; });

    // CKEditor 5 editors are created asynchronously by django-ckeditor-5; hook each one as it
    // appears. Its own textarea is only updated by script, which fires no input event.
    function watchEditor(editor) {
      editor.model.document.on("change:data", markDirty);
    }
    form.querySelectorAll("textarea.django_ckeditor_5").forEach(function (textarea) {
      var existing = window.editors && window.editors[textarea.id];
      if (existing) {
        watchEditor(existing);
      } else if (window.ckeditorRegisterCallback) {
        window.ckeditorRegisterCallback(textarea.id, watchEditor);
      }
    });

    window.addEventListener("beforeunload", function (event) {
      if (!dirty || submitting) return;
      event.preventDefault();
      event.returnValue = ""; // older browsers need a value to show their confirmation
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* Admin article form: "Chèn số liệu tổng hợp" — place a period's summary in the body.
 *
 * Inserts, at the cursor of the body's CKEditor, a placeholder the editor sees and can move:
 *   <div data-summary-period="<id>" data-summary-part="table|completeness|field:<id>"><p>[…]</p></div>
 * The figures are drawn when the article is read (reports/embeds.py), never pasted. The periods and
 * fields come from /bao-cao/chen-so-lieu/.
 */
(function () {
  "use strict";

  var URL = "/bao-cao/chen-so-lieu/";

  function option(value, text) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = text;
    return o;
  }

  function labelled(text, control) {
    var label = document.createElement("label");
    label.textContent = text + " ";
    label.appendChild(control);
    return label;
  }

  function build(textarea, data) {
    var panel = document.createElement("fieldset");
    panel.className = "summary-embed-panel";
    var legend = document.createElement("legend");
    legend.textContent = "Chèn số liệu tổng hợp vào bài";
    panel.appendChild(legend);
    var period = document.createElement("select");
    data.periods.forEach(function (p) { period.appendChild(option(p.id, p.name)); });
    var part = document.createElement("select");
    part.appendChild(option("table", "Bảng tổng hợp theo đơn vị"));
    part.appendChild(option("completeness", "Tình hình nộp báo cáo"));
    data.fields.forEach(function (f) { part.appendChild(option("field:" + f.id, "Lĩnh vực: " + f.name)); });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.textContent = "Chèn vào bài";
    var help = document.createElement("p");
    help.className = "help";
    help.textContent = "Khối chèn vào hiện là một dòng trong ngoặc vuông; có thể cắt, dán để chuyển chỗ. Bạn đọc thấy số liệu đã duyệt, luôn khớp trang tổng hợp.";
    panel.appendChild(labelled("Kỳ báo cáo", period));
    panel.appendChild(labelled("Phần", part));
    panel.appendChild(button);
    panel.appendChild(help);
    // Below the editor (the admin lays a field's label and input out in a row).
    var wrapper = textarea.closest(".flex-container") || textarea.closest(".django-ckeditor-5") || textarea.parentNode;
    panel.style.margin = "12px 0";
    wrapper.parentNode.insertBefore(panel, wrapper.nextSibling);

    button.addEventListener("click", function () {
      var editor = window.editors && window.editors[textarea.id];
      if (!editor) return;
      var label = "[Số liệu tổng hợp: " + period.options[period.selectedIndex].text + " — " +
        part.options[part.selectedIndex].text + "]";
      var div = document.createElement("div");
      div.setAttribute("data-summary-period", period.value);
      div.setAttribute("data-summary-part", part.value);
      var p = document.createElement("p");
      p.textContent = label;
      div.appendChild(p);
      editor.model.change(function () {
        var fragment = editor.data.toModel(editor.data.processor.toView(div.outerHTML));
        editor.model.insertContent(fragment);
      });
      editor.editing.view.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var textarea = document.querySelector("textarea[name=body]");
    if (!textarea || !window.fetch) return;
    fetch(URL, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && data.periods.length) build(textarea, data); })
      .catch(function () {});
  });
})();

// Report form: live totals of the figures table, add a model row, dim rows marked for deletion;
// summary page: period switch and print button. The server recomputes and checks everything.
(function () {
  "use strict";

  function toInt(value) {
    var n = parseInt(String(value).trim(), 10);
    return isNaN(n) || n < 0 ? 0 : n;
  }

  function recompute(table) {
    var colTotals = {};
    table.querySelectorAll("tr[data-figures-row]").forEach(function (row) {
      var stages = { registered: 0, built: 0, recognized: 0, commended: 0 };
      row.querySelectorAll("input.figure").forEach(function (input) {
        var name = input.name.split("-").pop();
        var value = toInt(input.value);
        colTotals[name] = (colTotals[name] || 0) + value;
        var stage = name.split("_")[0];
        stages[stage] += value;
      });
      Object.keys(stages).forEach(function (stage) {
        var cell = row.querySelector('[data-row-total="' + stage + '"]');
        if (cell) cell.textContent = stages[stage];
        colTotals[stage] = (colTotals[stage] || 0) + stages[stage];
      });
    });
    Object.keys(colTotals).forEach(function (name) {
      var cell = table.querySelector('[data-col-total="' + name + '"]');
      if (cell) cell.textContent = colTotals[name];
    });
  }

  function initFigures() {
    var table = document.getElementById("figures-table");
    if (!table) return;
    table.addEventListener("input", function () { recompute(table); });
    recompute(table);
  }

  function markDeleted(checkbox) {
    var row = checkbox.closest("[data-model-row]");
    if (row) row.classList.toggle("is-deleted", checkbox.checked);
  }

  function initModels() {
    var button = document.getElementById("add-model");
    var template = document.getElementById("model-row-template");
    var rows = document.getElementById("model-rows");
    var total = document.getElementById("id_models-TOTAL_FORMS");
    if (!button || !template || !rows || !total) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace("Mô hình mới", "Mô hình " + (index + 1));
      rows.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var added = rows.lastElementChild;
      var first = added && added.querySelector("input[type=text]");
      if (first) first.focus();
    });
    rows.addEventListener("change", function (event) {
      if (event.target.name && /-DELETE$/.test(event.target.name)) markDeleted(event.target);
    });
    rows.querySelectorAll('input[name$="-DELETE"]').forEach(markDeleted);
  }

  function initSummary() {
    document.querySelectorAll("select[data-navigate]").forEach(function (select) {
      select.addEventListener("change", function () { window.location.href = select.value; });
    });
    document.querySelectorAll("[data-print]").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
  }

  // "Nộp báo cáo" locks the report: ask in a dialog first. Without JavaScript (or <dialog>) the
  // server saves the draft and asks on its own confirmation page instead.
  function initSubmitConfirm() {
    var form = document.getElementById("report-form");
    var dialog = document.getElementById("submit-dialog");
    var confirmed = document.getElementById("submit-confirmed");
    if (!form || !dialog || !confirmed || typeof dialog.showModal !== "function") return;
    var pending = null;
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || button.value !== "submit" || confirmed.value === "1") return;
      event.preventDefault();
      pending = button;
      dialog.showModal();
    });
    dialog.querySelector("[data-confirm-submit]").addEventListener("click", function () {
      confirmed.value = "1";
      dialog.close();
      if (pending) form.requestSubmit(pending);
    });
    dialog.querySelector("[data-cancel-submit]").addEventListener("click", function () {
      pending = null;
      dialog.close();
    });
  }

  // A form sent back with errors: take the reader to the first one, in the middle of the
  // screen (never under the sticky "Lưu nháp / Nộp báo cáo" bar), with the cursor in its box.
  function showFirstError() {
    var form = document.getElementById("report-form");
    var target = form && form.querySelector(".has-error, .form-errors");
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    var control = target.matches("input, select, textarea") ? target
      : target.querySelector("input:not([type=hidden]), select, textarea");
    if (control && control.offsetParent !== null) control.focus({ preventScroll: true });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initSubmitConfirm();
    initFigures();
    initModels();
    initSummary();
    showFirstError();
  });
})();

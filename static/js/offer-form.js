// Offer form: show only the objectives of the chosen focus, and add session forms.
// The server checks both again; without JavaScript the form still works.
(function () {
  "use strict";

  function filterObjectives(form) {
    var checked = form.querySelector("input[name='focus']:checked");
    var focus = checked ? checked.value : null;
    form.querySelectorAll("input[name='objectives'][data-focus]").forEach(function (box) {
      var wrapper = box.closest(".form-check") || box.parentElement;
      var match = !focus || box.dataset.focus === focus;
      wrapper.hidden = !match;
      if (!match) {
        box.checked = false;
      }
    });
  }

  function setUpSessions(form) {
    var button = form.querySelector(".add-session");
    var template = document.getElementById("session-template");
    var total = form.querySelector("input[name='sessions-TOTAL_FORMS']");
    var list = form.querySelector(".session-forms");
    if (!button || !template || !total || !list) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      list.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var first = list.lastElementChild.querySelector("input");
      if (first) {
        first.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.offer-form");
    if (!form) {
      return;
    }
    form.querySelectorAll("input[name='focus']").forEach(function (radio) {
      radio.addEventListener("change", function () {
        filterObjectives(form);
      });
    });
    filterObjectives(form);
    setUpSessions(form);
  });
})();

// The review screen: a destructive decision (a button with data-confirm) asks first.
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
// After a refused submission, the error summary at the top takes the focus.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("review-errors");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
});

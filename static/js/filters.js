// Filter forms (catalogue, experts): submit only the fields that have a value,
// so that a search has a short, shareable URL. Without JavaScript the form still works.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form.filter-form").forEach((form) => {
    form.addEventListener("submit", () => {
      form.querySelectorAll("input, select").forEach((field) => {
        if (field.name && field.value === "" && field.type !== "checkbox") {
          field.disabled = true;
        }
      });
    });
  });
  // Back/forward cache: re-enable the fields disabled above.
  window.addEventListener("pageshow", () => {
    document.querySelectorAll("form.filter-form [disabled]").forEach((field) => {
      field.disabled = false;
    });
  });
});

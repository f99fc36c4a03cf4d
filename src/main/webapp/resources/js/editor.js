// The organizer's editor (edit-competition.xhtml); bound by data attributes, no inline handlers.
(function () {
  "use strict";

  // The phase form shows the fields of the scoring kind chosen (the server draws the same when the
  // page loads, and its "Show the chosen scoring kind's fields" button does it without script).
  function bindScoringKind(form) {
    const radios = form.querySelectorAll("input[type=radio][name$='scoringKind']");
    const show = () => {
      const chosen = form.querySelector("input[type=radio][name$='scoringKind']:checked");
      form.querySelectorAll(".kind-fields[data-kind]").forEach((group) =>
        group.classList.toggle("inactive", !chosen || group.dataset.kind !== chosen.value));
    };
    radios.forEach((radio) => radio.addEventListener("change", show));
    form.querySelectorAll(".kind-switch").forEach((button) => { button.hidden = true; });
    show();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const phase = document.getElementById("phase");
    if (phase) {
      bindScoringKind(phase);
    }
  });
})();

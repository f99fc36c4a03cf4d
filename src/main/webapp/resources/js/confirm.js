// Confirmations (issue 15): a button with data-confirm="Question?" asks it in the page's dialog
// (#confirm, in the layout) before its form is sent; Cancel sends nothing. Bound here, by one
// listener on the document (it outlives a page swapped in after an upload), not inline, so the
// Content-Security-Policy holds.
(function () {
  "use strict";

  let pending = null; // the button waiting for an answer

  function dialog() {
    const element = document.getElementById("confirm");
    return element && typeof element.showModal === "function" ? element : null;
  }

  document.addEventListener("click", (event) => {
    const target = event.target;
    const confirm = dialog();
    if (!confirm || !target.closest) {
      return;
    }
    if (target.id === "confirm-cancel") {
      pending = null;
      confirm.close();
      return;
    }
    if (target.id === "confirm-yes") {
      const button = pending;
      pending = null;
      confirm.close();
      // A live refresh may have drawn the button anew while the question was open: the same id.
      const current = button && !button.isConnected && button.id
        ? document.getElementById(button.id) : button;
      if (current) {
        // Clicked again, answered: the form goes with this button as its submitter.
        current.dataset.confirmed = "yes";
        current.click();
      }
      return;
    }
    const button = target.closest("[data-confirm]");
    if (!button || button.dataset.confirmed === "yes") {
      return;
    }
    event.preventDefault();
    pending = button;
    document.getElementById("confirm-message").textContent = button.dataset.confirm;
    document.getElementById("confirm-yes").textContent = button.value || button.textContent || "Confirm";
    confirm.showModal();
    document.getElementById("confirm-cancel").focus();
  });
})();

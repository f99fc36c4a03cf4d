// Called by the submissions websocket when it opens: re-render the table once, so a change pushed
// before the socket was open is not missed.
function podiumRefreshSubmissions() {
  const refresh = document.getElementById("live:refresh");
  if (refresh) {
    refresh.click();
  }
}

// Podium's only script: opens and closes <dialog> elements named by data-open / data-close, and
// reopens a dialog whose form came back with an error, so the participant sees what to fix.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-open]").forEach((button) =>
    button.addEventListener("click", () => document.getElementById(button.dataset.open).showModal()));
  document.querySelectorAll("[data-close]").forEach((button) =>
    button.addEventListener("click", () => document.getElementById(button.dataset.close).close()));
  document.querySelectorAll("dialog").forEach((dialog) => {
    const error = dialog.querySelector(".field-error");
    if (error && error.textContent.trim() !== "") {
      dialog.showModal();
    }
  });
});

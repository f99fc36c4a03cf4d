// Podium's only script. Pages carry no inline handlers, so the Content-Security-Policy forbids
// them; behaviour is bound here, by data attributes and class names.
(function () {
  "use strict";

  // The nonce this page's policy allows, for scripts of a page swapped in after an upload.
  function pageNonce() {
    const script = document.querySelector("script[nonce]");
    return script ? script.nonce : "";
  }

  function ajax(source, event, options) {
    if (window.faces && source) {
      window.faces.ajax.request(source, event, options);
    }
  }

  // The submissions websocket calls this when it opens (a change pushed before was missed) and
  // on every message: re-render the table, nothing else.
  window.podiumRefreshSubmissions = function () {
    ajax(document.getElementById("live:refresh"), null, { execute: "@none", render: "mysubs" });
  };

  // An upload form shows its progress; the answer replaces the page as a normal submit would.
  function uploadWithProgress(form, event) {
    const files = Array.from(form.querySelectorAll("input[type=file]"));
    if (!files.some((input) => input.files.length > 0) || !window.FormData) {
      return; // nothing to upload: a plain submit shows the form's own message
    }
    event.preventDefault();
    const progress = form.querySelector("progress");
    const status = form.querySelector(".upload-status");
    const data = new FormData(form, event.submitter);
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable && progress) {
        progress.hidden = false;
        progress.value = Math.round((100 * e.loaded) / e.total);
        if (status) {
          status.textContent = "Uploading: " + progress.value + " %";
        }
      }
    });
    request.addEventListener("load", () => replacePage(request.responseText, request.responseURL));
    request.addEventListener("error", () => {
      if (status) {
        status.textContent = "The upload failed: the connection to Podium broke. Try again.";
      }
    });
    form.querySelectorAll("input[type=submit]").forEach((button) => (button.disabled = true));
    request.send(data);
  }

  // Puts the page Podium answered in place of this one: its markup, its title and its address,
  // and runs its inline scripts (Faces' own, such as a websocket's) under this page's nonce.
  function replacePage(html, url) {
    const next = new DOMParser().parseFromString(html, "text/html");
    const nonce = pageNonce();
    document.replaceChild(document.adoptNode(next.documentElement), document.documentElement);
    history.replaceState(null, "", url);
    document.querySelectorAll("script:not([src])").forEach((old) => {
      const script = document.createElement("script");
      script.nonce = nonce;
      script.textContent = old.textContent;
      old.replaceWith(script);
    });
    window.scrollTo(0, 0); // as a new page would open; init brings a mistake into view
    init(document);
  }

  function init(root) {
    root.querySelectorAll("[data-open]").forEach((button) =>
      button.addEventListener("click", () => document.getElementById(button.dataset.open).showModal()));
    root.querySelectorAll("[data-close]").forEach((button) =>
      button.addEventListener("click", () => document.getElementById(button.dataset.close).close()));
    // A dialog whose form came back with an error opens again, so the participant sees what to fix.
    root.querySelectorAll("dialog").forEach((dialog) => {
      const error = dialog.querySelector(".field-error");
      if (error && error.textContent.trim() !== "") {
        dialog.showModal();
      }
    });
    // A form that came back with an error outside a dialog: bring its first mistake into view.
    const mistake = Array.from(root.querySelectorAll(".field-error")).find(
      (error) => error.textContent.trim() !== "" && !error.closest("dialog"));
    if (mistake) {
      const field = mistake.previousElementSibling || mistake;
      field.scrollIntoView({ block: "center" });
      if (typeof field.focus === "function") {
        field.focus({ preventScroll: true });
      }
    }
    // Inputs checked by the server as they change: data-check names what to re-render.
    root.querySelectorAll("[data-check]").forEach((input) =>
      input.addEventListener("change", (event) =>
        ajax(input, event, { execute: input.id, render: input.dataset.check })));
    root.querySelectorAll("form.with-progress").forEach((form) =>
      form.addEventListener("submit", (event) => uploadWithProgress(form, event)));
  }

  document.addEventListener("DOMContentLoaded", () => init(document));
})();

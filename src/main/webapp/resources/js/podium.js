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
  // on every message: re-render what the refresh button names (data-render: the My submissions
  // table, or a submission page's facts, actions and logs), nothing else.
  // While an upload's answer is on its way the page is about to be replaced: a refresh then would
  // be a request of the old page, racing the swap; the new page refreshes once instead.
  let replacing = false;
  window.podiumRefreshSubmissions = function () {
    if (!replacing) {
      const refresh = document.getElementById("live:refresh");
      // A submission's page once it has ended shows what never changes again: nothing to refresh.
      const over = document.querySelector("[data-live=false]");
      if (refresh && !(refresh.dataset.render === "detail" && over)) {
        ajax(refresh, null, { execute: "@none", render: refresh.dataset.render || "mysubs" });
      }
    }
  };

  // While something shown may still change (data-live=true: a submission waiting or running), the
  // page also asks every few seconds: a push reaches only the browsers of the node that made the
  // change, and a running container's logs change without one.
  setInterval(() => {
    if (!document.hidden && document.querySelector("[data-live=true]")) {
      window.podiumRefreshSubmissions();
    }
  }, 4000);

  // "1.2 GiB", "340 MiB", "12 KiB": sizes as people read them.
  function size(bytes) {
    const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (unit === 0 || value >= 100 ? Math.round(value) : value.toFixed(1)) + " " + units[unit];
  }

  function sentence(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : ".") : "";
  }

  // A file input's own message element (its h:message, named by data-error).
  function showFileError(input, message) {
    const element = input.dataset.error && document.getElementById(input.dataset.error);
    if (element) {
      // Faces writes an empty message element without its class.
      element.classList.add("field-error");
      element.textContent = sentence(message || "");
    }
  }

  // The refusal Podium would answer, known before sending: the chosen file is over the input's
  // data-max-bytes.
  function tooLarge(input) {
    const file = input.files && input.files[0];
    const max = Number(input.dataset.maxBytes);
    return file && max > 0 && file.size > max ? input.dataset.tooLarge : null;
  }

  // An upload form shows its progress, can be cancelled, refuses a file that is too large before
  // sending it; the answer replaces the page as a normal submit would, a refusal of the file is
  // shown next to it.
  function uploadWithProgress(form, event) {
    const files = Array.from(form.querySelectorAll("input[type=file]"));
    const chosen = files.filter((input) => input.files.length > 0);
    if (chosen.length === 0 || !window.FormData) {
      return; // nothing to upload: a plain submit shows the form's own message
    }
    event.preventDefault();
    const refused = chosen.filter((input) => tooLarge(input));
    chosen.forEach((input) => showFileError(input, tooLarge(input)));
    if (refused.length > 0) {
      refused[0].focus();
      return;
    }
    const progress = form.querySelector("progress");
    const status = form.querySelector(".upload-status");
    const cancel = form.querySelector(".upload-cancel");
    const buttons = form.querySelectorAll("input[type=submit]");
    const total = chosen.reduce((sum, input) => sum + input.files[0].size, 0);
    const say = (text) => status && (status.textContent = text);
    const done = () => {
      replacing = false;
      buttons.forEach((button) => (button.disabled = false));
      if (cancel) {
        cancel.hidden = true;
      }
      if (progress) {
        progress.hidden = true;
      }
    };
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) {
        return;
      }
      const percent = Math.floor((100 * e.loaded) / e.total);
      if (progress) {
        progress.hidden = false;
        progress.value = percent;
      }
      say(e.loaded >= e.total
        ? "Uploaded " + size(total) + ": Podium is checking it…"
        : "Uploading: " + size(Math.min(e.loaded, total)) + " of " + size(total) + " (" + percent + " %)");
    });
    request.addEventListener("load", () => {
      const type = request.getResponseHeader("Content-Type") || "";
      if (type.indexOf("application/problem+json") === 0) {
        // Refused before Podium read the form (too large for this server's limits).
        let problem = {};
        try {
          problem = JSON.parse(request.responseText);
        } catch (ignored) {
          // the status says enough
        }
        const largest = chosen.reduce((a, b) => (b.files[0].size > a.files[0].size ? b : a));
        showFileError(largest, (problem.errors && problem.errors.file) || problem.detail || "The upload was refused.");
        say("");
        done();
        largest.focus();
        return;
      }
      replacePage(request.responseText, request.responseURL);
      replacing = false;
      // Changes pushed while the answer travelled were not shown: show them now.
      if (document.getElementById("live:refresh")) {
        window.podiumRefreshSubmissions();
      }
    });
    request.addEventListener("error", () => {
      say("The upload failed: the connection to Podium broke. Try again.");
      done();
    });
    request.addEventListener("abort", () => {
      say("Upload cancelled: Podium keeps nothing of it.");
      done();
    });
    if (cancel) {
      cancel.hidden = false;
      cancel.onclick = () => request.abort();
    }
    // The form's data first: a disabled button (the one pressed) is not part of it.
    const data = new FormData(form, event.submitter);
    buttons.forEach((button) => (button.disabled = true));
    replacing = true;
    say("Uploading: 0 of " + size(total) + " (0 %)");
    if (status) {
      status.scrollIntoView({ block: "nearest" });
    }
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

  // How long typing pauses before a field is checked by the server.
  const CHECK_DELAY = 400;

  // A button with data-confirm asks first: js/confirm.js, the one confirmation of every page.

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
    // Inputs checked by the server as they are typed (a pause of CHECK_DELAY ms) and when they
    // change: data-check names what to re-render. One check at a time; the last text wins.
    root.querySelectorAll("[data-check]").forEach((input) => {
      let timer = null;
      let checked = input.value;
      const check = (event) => {
        clearTimeout(timer);
        if (input.value !== checked) {
          checked = input.value;
          ajax(input, event, { execute: input.id, render: input.dataset.check });
        }
      };
      input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => check(null), CHECK_DELAY);
      });
      input.addEventListener("change", (event) => check(event));
    });
    root.querySelectorAll("form.with-progress").forEach((form) =>
      form.addEventListener("submit", (event) => uploadWithProgress(form, event)));
    // A chosen file over its limit is said at once, before anything is sent.
    root.querySelectorAll("input[type=file][data-max-bytes]").forEach((input) =>
      input.addEventListener("change", () => showFileError(input, tooLarge(input))));
  }

  document.addEventListener("DOMContentLoaded", () => init(document));
})();

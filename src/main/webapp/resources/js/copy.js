// Copy buttons (issue 15): a button with data-copy="ID" copies the text of the element with that
// id (a token or password shown once) and says "Copied". Bound by one listener on the document,
// not inline, so the Content-Security-Policy holds. The value stays selectable by hand as well.
(function () {
  "use strict";

  function said(button, text) {
    button.textContent = text;
    const status = document.getElementById(button.id + "-status");
    if (status) {
      status.textContent = text === "Copied" ? "Copied to the clipboard." : text;
    }
  }

  // The older way, where the Clipboard API is missing or refused: select the text, copy it.
  function copyBySelection(element) {
    const selection = window.getSelection();
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (e) {
      copied = false;
    }
    return copied;
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) {
      return;
    }
    const element = document.getElementById(button.getAttribute("data-copy"));
    if (!element) {
      return;
    }
    const text = element.textContent.trim();
    const fallback = () => {
      // selected either way: Ctrl+C copies it if the browser would not
      said(button, copyBySelection(element) ? "Copied" : "Press Ctrl+C");
    };
    if (navigator.clipboard && window.isSecureContext) {
      // one answer: the Clipboard API's, or the older way if it refuses or does not answer
      let answered = false;
      const once = (answer) => () => {
        if (!answered) {
          answered = true;
          answer();
        }
      };
      navigator.clipboard.writeText(text).then(once(() => said(button, "Copied")), once(fallback));
      setTimeout(once(fallback), 1500);
    } else {
      fallback();
    }
  });
})();

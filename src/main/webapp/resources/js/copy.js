// Copy buttons (issue 15), the one mechanism on every page: a button with data-copy-from="ID"
// copies the text of the element with that id (a token or password shown once); one with
// data-copy="TEXT" copies that text (a file's whole SHA-256, shown shortened). The button says
// "Copied" (and its "<id>-status" region, where there is one, says so to a screen reader). Where
// the browser offers no clipboard (a page not served over HTTPS) the text is copied through a
// selection; failing that, it is left selected — beside the button, shown whole — for the person
// to copy. One listener on the document, not inline, so the Content-Security-Policy holds and a
// page part swapped in later (after an upload) is served too.
(function () {
  "use strict";

  function said(button, text) {
    button.textContent = text;
    const status = button.id ? document.getElementById(button.id + "-status") : null;
    if (status) {
      status.textContent = text === "Copied" ? "Copied to the clipboard." : text;
    }
    clearTimeout(button.copyTimer);
    button.copyTimer = setTimeout(() => (button.textContent = "Copy"), 4000);
  }

  // The element whose text is copied by selection: the one named, or the one just before the
  // button, shown whole for the occasion.
  function shownWhole(button, text) {
    const named = button.dataset.copyFrom && document.getElementById(button.dataset.copyFrom);
    if (named) {
      return named;
    }
    const shown = button.previousElementSibling;
    if (shown) {
      shown.textContent = text;
    }
    return shown;
  }

  function copyBySelection(element) {
    if (!element) {
      return false;
    }
    const selection = window.getSelection();
    selection.selectAllChildren(element);
    try {
      return document.execCommand("copy");
    } catch (e) {
      return false;
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest
      ? event.target.closest("button[data-copy], button[data-copy-from]")
      : null;
    if (!button) {
      return;
    }
    const from = button.dataset.copyFrom && document.getElementById(button.dataset.copyFrom);
    const text = from ? from.textContent.trim() : button.dataset.copy;
    if (!text) {
      return;
    }
    // Selected either way: Ctrl+C copies it if the browser would not.
    const fallback = () =>
      said(button, copyBySelection(shownWhole(button, text)) ? "Copied" : "Selected: press Ctrl+C");
    if (navigator.clipboard && window.isSecureContext) {
      // One answer: the Clipboard API's, or the older way if it refuses or does not answer.
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

// The inbox's only script (served from here: the Content-Security-Policy allows no inline or third-party script).
// Live updates: the server's event stream says what changed; the affected part is fetched again as server-rendered,
// HTML-encoded markup. EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
(() => {
    "use strict";

    const live = document.querySelector("[data-live]");
    if (live && "EventSource" in window) {
        let timer = null;
        const refresh = () => {
            if (timer) return;
            // Several events in a burst (a status and the next message) cost one fetch.
            timer = setTimeout(async () => {
                timer = null;
                const response = await fetch(live.dataset.live, { credentials: "same-origin", headers: { Accept: "text/html" } });
                if (response.ok && !response.redirected) {
                    live.innerHTML = await response.text();
                    document.dispatchEvent(new CustomEvent("inbox:refreshed"));
                }
            }, 100);
        };
        const events = new EventSource("/inbox/events");
        events.addEventListener("update", (e) => {
            const update = JSON.parse(e.data);
            if (!live.dataset.contact || live.dataset.contact === update.contact) refresh();
        });
    }

    // Enter sends, Shift+Enter breaks the line (not while an input method is composing a character).
    for (const box of document.querySelectorAll("textarea[data-enter-sends]")) {
        box.addEventListener("keydown", (e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
                e.preventDefault();
                if (box.value.trim() !== "") box.form.requestSubmit();
            }
        });
    }

    const thread = document.querySelector(".thread");
    if (thread) thread.lastElementChild?.scrollIntoView({ block: "end" });
})();

/* Privacy-friendly videos: the player (and its cookies) loads only when the reader clicks play. */
(function () {
  "use strict";
  document.querySelectorAll("[data-embed-url]").forEach(function (box) {
    var link = box.querySelector("a");
    if (!link) { return; }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = box.getAttribute("data-embed-url");
      frame.title = box.getAttribute("data-title") || link.textContent;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.setAttribute("allowfullscreen", "");
      frame.className = "video-embed__frame";
      box.replaceChildren(frame);
      frame.focus();
    });
  });
})();

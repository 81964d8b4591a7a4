// Keyboard: "/" focuses the search box from anywhere, Escape leaves it.
document.addEventListener("keydown", (event) => {
  const box = document.getElementById("quick-search");
  if (!box) return;
  const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement.tagName);
  if (event.key === "/" && !typing) {
    event.preventDefault();
    box.focus();
  } else if (event.key === "Escape" && document.activeElement === box) {
    box.blur();
  }
});

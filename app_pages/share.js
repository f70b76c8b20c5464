// "Copy the link to this map": the address bar already reopens the map (view, side, marks).
export default function (component) {
  const { data, parentElement } = component;
  const button = parentElement.querySelector(".pm-share");
  const said = parentElement.querySelector(".pm-share-said");
  if (button.__pmWired) return;
  button.__pmWired = true;
  button.addEventListener("click", async () => {
    const link = window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      said.textContent = data.copied;
    } catch (err) {
      // No clipboard here (an insecure address, or the browser said no): show the link.
      said.textContent = `${data.failed} ${link}`;
    }
  });
}

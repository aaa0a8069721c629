/** Shown when the renderer cannot reach the main process (no preload API, no bridge token, or no answer). */
export function ErrorScreen({ reason }: { readonly reason: string }) {
  return (
    <main className="centered">
      <div className="error-card" role="alert">
        <h1>Lineage Investigator cannot start</h1>
        <p>{reason}</p>
        <p>
          Start the app with <code>npm start</code>. Without an Electron binary it serves the same app in web mode and
          prints the address to open, token included.
        </p>
      </div>
    </main>
  );
}

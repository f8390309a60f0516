// The client side is only wiring: VS Code's language client starts
// `oaiq-lint lsp` over stdio and sends it the documents oaiq-lint reads;
// diagnostics, code actions (fixes, "fix all") and hovers come from the
// server, so the extension and the command line never disagree.
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

// The file kinds oaiq-lint reads (pages and templates, scripts, modules,
// components, Markdown, event logs); the server ignores anything else.
const patterns = [
  "**/*.{html,htm,xhtml,shtml,erb,ejs,liquid,njk,hbs,handlebars,mustache,twig,jinja,j2,tmpl,gohtml,php,jsp,aspx,cshtml}",
  "**/*.{js,mjs,cjs,ts,mts,cts,tsx,jsx,vue,svelte,astro,md,markdown,mdx}",
  "**/*.{jsonl,ndjson,json,har}",
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const cfg = vscode.workspace.getConfiguration("oaiq-lint");
  const command = cfg.get<string>("path", "oaiq-lint");
  const args = ["lsp", ...cfg.get<string[]>("args", [])];
  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: patterns.map((pattern) => ({ scheme: "file", pattern })),
    synchronize: {
      // A configuration or baseline edit relints the open documents.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{.oaiq-lint.yaml,.oaiq-lint.yml,*baseline*.json}"),
    },
  };
  client = new LanguageClient("oaiq-lint", "oaiq-lint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

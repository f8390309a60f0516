-- Neovim's built-in LSP client (0.7 and later) opens a file with
-- oaiq-lint lsp attached and writes the diagnostics it received, one a
-- line, to OAIQ_OUT; then asks for code actions on the first one.
local out, bin, file = os.getenv("OAIQ_OUT"), os.getenv("OAIQ_BIN"), os.getenv("OAIQ_FILE")
vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "oaiq-lint",
  cmd = { bin, "lsp", "--debounce", "10ms" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
})
vim.lsp.buf_attach_client(buf, id)
-- A bound for a broken server, not a timing assertion: the test reads
-- what arrived and fails if nothing did.
vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  table.insert(lines, string.format("diag %d:%d %s", d.lnum, d.col, code))
end
local client = vim.lsp.get_client_by_id(id)
if client and #lines > 0 then
  local d = vim.diagnostic.get(buf)[1]
  for _, x in ipairs(vim.diagnostic.get(buf)) do
    if (x.code or (x.user_data and x.user_data.lsp and x.user_data.lsp.code)) == "currency-code" then d = x end
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } },
    context = { diagnostics = {} },
  }
  local res = client.request_sync("textDocument/codeAction", params, 30000, buf)
  if res and res.result then
    for _, a in ipairs(res.result) do
      table.insert(lines, "action " .. a.title)
    end
  end
end
vim.fn.writefile(lines, out)
vim.lsp.stop_client(id)
vim.cmd("qa!")

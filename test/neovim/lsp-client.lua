-- Neovim's built-in LSP client (0.7) on PM Lens's server: opens the plan named by
-- PM_LENS_PLAN, starts `node PM_LENS_BIN lsp --stdio`, reads the diagnostics and a hover,
-- applies the preferred quick fix of the owner-mismatch finding, and writes what it saw as JSON
-- to PM_LENS_NVIM_OUT before quitting. test/neovim/neovim.test.ts checks that file.
local out_file = assert(os.getenv('PM_LENS_NVIM_OUT'))
local bin = assert(os.getenv('PM_LENS_BIN'))
local plan = assert(os.getenv('PM_LENS_PLAN'))
local node = os.getenv('PM_LENS_NODE') or 'node'
local results = {}

local function write_and_quit()
  local f = assert(io.open(out_file, 'w'))
  f:write(vim.fn.json_encode(results))
  f:close()
  vim.cmd('qa!')
end

-- What Neovim holds as diagnostics, in the shape the server sent (LSP ranges).
local function lsp_diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, {
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      message = d.message,
      severity = d.severity,
      code = d.code,
      source = d.source,
    })
  end
  return out
end

local function has_code(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == code then return true end
  end
  return false
end

local function run()
  -- The README's setup, with the server started from this checkout.
  local client_id
  vim.api.nvim_create_autocmd('FileType', {
    pattern = 'markdown',
    callback = function(args)
      local id = vim.lsp.start_client({
        name = 'pm-lens',
        cmd = { node, bin, 'lsp', '--stdio' },
        root_dir = vim.fn.getcwd(),
        settings = { pmLens = { debounceMs = 0 } },
      })
      vim.lsp.buf_attach_client(args.buf, id)
      client_id = id
    end,
  })
  vim.cmd('cd ' .. vim.fn.fnameescape(vim.fn.fnamemodify(plan, ':h')))
  vim.cmd('edit ' .. vim.fn.fnameescape(plan))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  assert(client_id, 'no client started for the Markdown buffer')

  assert(vim.wait(20000, function() return has_code(bufnr, 'owner-mismatch') end, 50), 'no owner-mismatch diagnostic arrived')
  results.diagnostics = lsp_diagnostics(bufnr)

  local heading = vim.fn.search('^## Problem', 'n') - 1
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = heading, character = 4 } }, 10000)
  results.hover = hover[client_id].result.contents.value

  local mismatch
  for _, d in ipairs(results.diagnostics) do
    if d.code == 'owner-mismatch' then mismatch = d end
  end
  local params = { textDocument = { uri = uri }, range = mismatch.range, context = { diagnostics = { mismatch } } }
  local answer = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
  local actions = answer[client_id].result
  results.actions = {}
  local preferred
  for _, action in ipairs(actions) do
    table.insert(results.actions, action.title)
    if action.isPreferred then preferred = action end
  end
  assert(preferred, 'no preferred quick fix')
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  results.text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')

  results.fixed = vim.wait(20000, function() return not has_code(bufnr, 'owner-mismatch') end, 50)
  results.diagnosticsAfter = lsp_diagnostics(bufnr)
end

local ok, err = pcall(run)
if not ok then results.error = tostring(err) end
write_and_quit()

vim.filetype.add({ extension = { lql = "lql" } })

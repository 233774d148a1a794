" LQL highlighting for Vim and Neovim (the TextMate grammar's rules, in Vim's syntax language).
if exists("b:current_syntax") | finish | endif

syn keyword lqlKeyword where select derive sort take skip group by aggregate count distinct append chart
syn keyword lqlKeyword let param as case when then else end over rows
syn keyword lqlOperatorWord and or not in is has
syn keyword lqlDirection asc desc
syn keyword lqlBoolean true false null
syn keyword lqlType String Int BigInt Float Decimal Boolean DateTime Json Bytes
syn match lqlEnumValue "\<[A-Z][A-Z0-9]*\(_[A-Z0-9]\+\)*\>"
syn match lqlParameter "\$[A-Za-z_][A-Za-z0-9_]*"
syn match lqlDate "@\d\{4}-\d\{2}-\d\{2}\(T[0-9:.]\+\(Z\|[+-]\d\{2}:\d\{2}\)\=\)\="
syn match lqlNumber "\<\d\(_\=\d\)*\(\.\d\(_\=\d\)*\)\=\>"
syn match lqlFunction "\<[a-z_][A-Za-z0-9_]*\ze("
syn match lqlPipe "|"
syn region lqlString start=+"+ skip=+\\\\\|\\"+ end=+"+ contains=lqlEscape
syn region lqlString start=+'+ skip=+\\\\\|\\'+ end=+'+ contains=lqlEscape
syn match lqlEscape contained "\\\([\\\"'nt]\|u{\x\{1,6}}\)"
syn match lqlComment "--.*$"

hi def link lqlKeyword Keyword
hi def link lqlOperatorWord Operator
hi def link lqlDirection StorageClass
hi def link lqlBoolean Boolean
hi def link lqlType Type
hi def link lqlEnumValue Constant
hi def link lqlParameter Identifier
hi def link lqlDate Constant
hi def link lqlNumber Number
hi def link lqlFunction Function
hi def link lqlPipe Operator
hi def link lqlString String
hi def link lqlEscape SpecialChar
hi def link lqlComment Comment

let b:current_syntax = "lql"

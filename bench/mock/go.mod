module sovereignrouter.local/bench/mock

go 1.22

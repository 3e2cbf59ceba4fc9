# tflint's bundled Terraform ruleset (no plugin download). The AWS ruleset plugin is fetched from
# GitHub releases, which CI cannot reach, so it is not enabled here; enable it where it can be:
#   plugin "aws" { enabled = true  version = "0.x"  source = "github.com/terraform-linters/tflint-ruleset-aws" }
config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}

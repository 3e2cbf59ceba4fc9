output "gateway_role_arn" {
  description = "IRSA role of the gateway."
  value       = module.sovereign_router.gateway_role_arn
}

output "namespace" {
  description = "Namespace of the release."
  value       = module.sovereign_router.namespace
}

output "helm_release_name" {
  description = "Helm release name."
  value       = module.sovereign_router.helm_release_name
}

output "log_archive_bucket" {
  description = "Object Lock bucket for log tiles."
  value       = module.sovereign_router.log_archive_bucket
}

output "shared_secrets_name" {
  description = "Secret with the shared data-dir secrets (admin.token for the admin API)."
  value       = module.sovereign_router.shared_secrets_name
}

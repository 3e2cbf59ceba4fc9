output "kms_keystore_key_arn" {
  description = "KMS key (rotation on) used as the keystore KEK."
  value       = aws_kms_key.this["keystore"].arn
}

output "kms_log_key_arn" {
  description = "KMS key (rotation on) wrapping the log's checkpoint signing key."
  value       = aws_kms_key.this["log"].arn
}

output "kms_storage_key_arn" {
  description = "KMS key (rotation on) encrypting RDS, ElastiCache, S3 and Secrets Manager."
  value       = aws_kms_key.this["storage"].arn
}

output "gateway_role_arn" {
  description = "IRSA role of the gateway's service account."
  value       = aws_iam_role.gateway.arn
}

output "postgres_address" {
  description = "RDS PostgreSQL endpoint address (private)."
  value       = aws_db_instance.this.address
}

output "postgres_secret_arn" {
  description = "Secrets Manager secret holding the PostgreSQL password."
  value       = aws_secretsmanager_secret.postgres.arn
}

output "redis_primary_endpoint" {
  description = "ElastiCache Redis primary endpoint (TLS, AUTH)."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "redis_secret_arn" {
  description = "Secrets Manager secret holding the Redis AUTH token."
  value       = aws_secretsmanager_secret.redis.arn
}

output "log_archive_bucket" {
  description = "S3 bucket (Object Lock, versioned) for archived log tiles."
  value       = aws_s3_bucket.log_archive.id
}

output "namespace" {
  description = "Kubernetes namespace of the release."
  value       = local.namespace
}

output "helm_release_name" {
  description = "Name of the Helm release (also the chart's fullname prefix)."
  value       = helm_release.this.name
}

output "shared_secrets_name" {
  description = "Kubernetes Secret the replicas copy admin.token, keyhash.secret, log.key, scan.key and fingerprint.keys from."
  value       = local.shared_secret
}

output "rds_ca_configmap" {
  description = "ConfigMap with the RDS CA bundle (storage.postgres.ssl-root-cert)."
  value       = kubernetes_config_map_v1.rds_ca.metadata[0].name
}

resource "helm_release" "this" {
  name             = var.name
  namespace        = local.namespace
  create_namespace = false
  chart            = local.chart_path
  atomic           = true
  wait             = true
  timeout          = 600

  # Only references and endpoints; the credentials are in the Secrets created above.
  values = concat([yamlencode({
    replicaCount = var.replicas
    image = {
      repository = var.image_repository
      tag        = var.image_tag
      digest     = var.image_digest
    }
    serviceAccount = {
      create      = true
      name        = var.service_account_name
      annotations = { "eks.amazonaws.com/role-arn" = aws_iam_role.gateway.arn }
    }
    storage = { mode = "external" }
    # storage.postgres: TLS verified against the RDS CA bundle (rds.force_ssl = 1 anyway).
    postgresql = {
      host     = aws_db_instance.this.address
      port     = aws_db_instance.this.port
      database = aws_db_instance.this.db_name
      user     = aws_db_instance.this.username
      sslMode  = "verify-full"
      caBundle = {
        configMap = kubernetes_config_map_v1.rds_ca.metadata[0].name
        key       = local.rds_ca_key
      }
      existingSecret = local.postgres_secret
      passwordKey    = "password"
    }
    # rate-limits: rediss:// (in-transit encryption) with the AUTH token.
    redis = {
      host           = aws_elasticache_replication_group.this.primary_endpoint_address
      port           = aws_elasticache_replication_group.this.port
      tls            = true
      existingSecret = local.redis_secret
      authTokenKey   = "auth-token"
    }
    # admin.token, keyhash.secret, log.key, scan.key, fingerprint.keys shared by every replica.
    sharedSecrets = {
      existingSecret = local.shared_secret
    }
    kms = {
      provider = "aws"
      keyId    = aws_kms_key.this["keystore"].arn
      logKeyId = aws_kms_key.this["log"].arn
      region   = local.region
    }
    logArchive = {
      bucket = aws_s3_bucket.log_archive.id
    }
    autoscaling = {
      enabled     = var.autoscaling_max_replicas > 0
      minReplicas = var.replicas
      maxReplicas = max(var.autoscaling_max_replicas, var.replicas)
    }
  })], var.helm_values)

  depends_on = [
    kubernetes_secret_v1.postgres,
    kubernetes_secret_v1.redis,
    kubernetes_secret_v1.shared,
    aws_iam_role_policy.gateway,
  ]
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  tags = merge(var.tags, {
    "app.kubernetes.io/name" = "sovereign-router"
    "sovereign-router/stack" = var.name
  })
  chart_path          = var.chart_path != "" ? var.chart_path : "${path.module}/../helm/sovereign-router"
  postgres_secret     = "${var.name}-postgresql"
  redis_secret        = "${var.name}-redis"
  shared_secret       = var.shared_secrets_name != "" ? var.shared_secrets_name : "${var.name}-shared"
  rds_ca_key          = "rds-ca-bundle.pem"
  oidc_provider_host  = element(split("oidc-provider/", var.eks_oidc_provider_arn), 1)
  service_account_sub = "system:serviceaccount:${var.namespace}:${var.service_account_name}"
}

# A complete root module: SovereignRouter on an existing EKS cluster. Providers authenticate with
# the caller's AWS credentials; Helm and Kubernetes talk to the cluster through `aws eks get-token`.
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.50, < 7.0"
    }
    helm = {
      source  = "hashicorp/helm"
      version = ">= 2.12, < 3.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = ">= 2.25, < 3.0"
    }
  }
}

provider "aws" {
  region = var.region
}

data "aws_eks_cluster" "this" {
  name = var.cluster_name
}

provider "kubernetes" {
  host                   = data.aws_eks_cluster.this.endpoint
  cluster_ca_certificate = base64decode(data.aws_eks_cluster.this.certificate_authority[0].data)
  exec {
    api_version = "client.authentication.k8s.io/v1beta1"
    command     = "aws"
    args        = ["eks", "get-token", "--cluster-name", var.cluster_name, "--region", var.region]
  }
}

provider "helm" {
  kubernetes {
    host                   = data.aws_eks_cluster.this.endpoint
    cluster_ca_certificate = base64decode(data.aws_eks_cluster.this.certificate_authority[0].data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", var.cluster_name, "--region", var.region]
    }
  }
}

module "sovereign_router" {
  source = "../.."

  name                      = "sovereign-router"
  vpc_id                    = data.aws_eks_cluster.this.vpc_config[0].vpc_id
  private_subnet_ids        = var.private_subnet_ids
  client_security_group_ids = [data.aws_eks_cluster.this.vpc_config[0].cluster_security_group_id]
  eks_oidc_provider_arn     = var.eks_oidc_provider_arn

  # RDS is verified with ssl-mode verify-full against this bundle (download it once, README: Deploy).
  rds_ca_bundle_pem = file(var.rds_ca_bundle_file)
  # From a first `./sovereign up` data dir; empty: create the Secret with kubectl first.
  shared_secrets_dir = var.shared_secrets_dir == "" ? "" : pathexpand(var.shared_secrets_dir)

  image_repository = var.image_repository
  image_tag        = var.image_tag
  image_digest     = var.image_digest

  replicas                 = 3
  autoscaling_max_replicas = 10

  tags = {
    environment = "production"
    owner       = "platform"
  }
}

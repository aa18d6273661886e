"""template.yaml's deployed shape, checked rule by rule (cfn-lint proves it is valid, not that it is safe).

The rules are generic over the template's resources, so a function or queue added later is held to
them too: every function in the private subnets with the functions' security group, its own log
group with retention and Errors/Throttles alarms to the alarm topic; the database and RDS Proxy
private, encrypted, reachable only from the functions; every dead-letter queue and event-source
queue alarmed; stateful resources kept on delete and on replacement.
"""

from __future__ import annotations

import pytest
from verzek.devtools.template import load_template

TEMPLATE = load_template()
RESOURCES = TEMPLATE["Resources"]
GLOBAL_FUNCTION = TEMPLATE["Globals"]["Function"]


def of_type(kind: str) -> dict[str, dict]:
    return {name: res for name, res in RESOURCES.items() if res["Type"] == kind}


def ref(value) -> str | None:
    return value.get("Ref") if isinstance(value, dict) else None


def getatt_target(value) -> str | None:
    if isinstance(value, dict) and "Fn::GetAtt" in value:
        target = value["Fn::GetAtt"]
        return (target.split(".")[0] if isinstance(target, str) else target[0])
    return None


FUNCTIONS = of_type("AWS::Serverless::Function")
ALARMS = of_type("AWS::CloudWatch::Alarm")


def private_subnets() -> set[str]:
    """Subnets whose default route goes through a NAT gateway (not an internet gateway)."""
    nat_tables = {ref(r["Properties"]["RouteTableId"]) for r in of_type("AWS::EC2::Route").values()
                  if r["Properties"].get("DestinationCidrBlock") == "0.0.0.0/0" and "NatGatewayId" in r["Properties"]}
    return {ref(a["Properties"]["SubnetId"]) for a in of_type("AWS::EC2::SubnetRouteTableAssociation").values()
            if ref(a["Properties"]["RouteTableId"]) in nat_tables}


def test_private_subnets_egress_through_nat_and_are_not_public():
    private = private_subnets()
    assert len(private) >= 2, "two private subnets (two AZs) routed through the NAT gateway"
    for name in private:
        assert not RESOURCES[name]["Properties"].get("MapPublicIpOnLaunch"), name
    nat = next(iter(of_type("AWS::EC2::NatGateway").values()))["Properties"]
    assert getatt_target(nat["AllocationId"]) in of_type("AWS::EC2::EIP"), "the NAT's static egress IP is an EIP"
    assert nat["SubnetId"]["Ref"] not in private


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_runs_in_the_private_subnets_with_the_function_security_group(name):
    vpc = FUNCTIONS[name]["Properties"].get("VpcConfig", GLOBAL_FUNCTION.get("VpcConfig"))
    assert vpc, f"{name} has no VpcConfig"
    assert {ref(s) for s in vpc["SubnetIds"]} <= private_subnets(), f"{name} runs outside the private subnets"
    assert [ref(g) for g in vpc["SecurityGroupIds"]] == ["FunctionSecurityGroup"], name


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_every_function_has_a_retained_log_group_with_retention(name):
    function = FUNCTIONS[name]
    group_name = ref(function["Properties"].get("LoggingConfig", {}).get("LogGroup"))
    assert group_name in of_type("AWS::Logs::LogGroup"), f"{name} logs to no log group of the template"
    group = RESOURCES[group_name]
    assert group["Properties"].get("RetentionInDays"), f"{group_name} keeps logs forever"
    assert group.get("Condition") == function.get("Condition"), f"{group_name} and {name} differ in Condition"


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
@pytest.mark.parametrize("metric", ["Errors", "Throttles"])
def test_every_function_alarms_on_errors_and_throttles_to_the_topic(name, metric):
    matching = [a for a in ALARMS.values()
                if a["Properties"].get("Namespace") == "AWS/Lambda" and a["Properties"]["MetricName"] == metric
                and any(ref(d["Value"]) == name for d in a["Properties"].get("Dimensions", []))]
    assert matching, f"no {metric} alarm for {name}"
    for alarm in matching:
        assert [ref(a) for a in alarm["Properties"]["AlarmActions"]] == ["AlarmTopic"]
        assert alarm.get("Condition") == FUNCTIONS[name].get("Condition")


def test_alarm_topic_mails_the_operator():
    subscription = next(iter(of_type("AWS::SNS::Subscription").values()))["Properties"]
    assert ref(subscription["TopicArn"]) == "AlarmTopic" and subscription["Protocol"] == "email"
    assert ref(subscription["Endpoint"]) in TEMPLATE["Parameters"]


def test_cloudwatch_can_publish_to_the_alarm_topic():
    """CloudWatch needs kms:GenerateDataKey*/Decrypt on an encrypted topic's key, which the AWS-managed
    alias/aws/sns key never grants: alarms to such a topic are silently never delivered."""
    key = RESOURCES["AlarmTopic"]["Properties"].get("KmsMasterKeyId")
    if key is None:
        return
    assert not (isinstance(key, str) and key.startswith("alias/aws/")), "AWS-managed key: CloudWatch cannot publish"
    policy = RESOURCES[ref(key) or getatt_target(key)]["Properties"]["KeyPolicy"]
    assert any(statement.get("Principal", {}).get("Service") == "cloudwatch.amazonaws.com"
               for statement in policy["Statement"]), "the topic's key does not let CloudWatch use it"


def _queue_alarms(queue: str, metric: str) -> list[dict]:
    return [a for a in ALARMS.values() if a["Properties"]["MetricName"] == metric
            and any(getatt_target(d["Value"]) == queue for d in a["Properties"].get("Dimensions", []))
            and [ref(x) for x in a["Properties"]["AlarmActions"]] == ["AlarmTopic"]]


def dead_letter_queues() -> set[str]:
    return {getatt_target(q["Properties"]["RedrivePolicy"]["deadLetterTargetArn"])
            for q in of_type("AWS::SQS::Queue").values() if "RedrivePolicy" in q["Properties"]}


def event_source_queues() -> set[str]:
    return {getatt_target(e["Properties"]["Queue"]) for f in FUNCTIONS.values()
            for e in f["Properties"].get("Events", {}).values() if e["Type"] == "SQS"}


def test_every_queue_with_a_consumer_has_a_dead_letter_queue():
    with_dlq = {name for name, q in of_type("AWS::SQS::Queue").items() if "RedrivePolicy" in q["Properties"]}
    assert event_source_queues() <= with_dlq


@pytest.mark.parametrize("queue", sorted(dead_letter_queues()))
def test_every_dead_letter_queue_alarms_on_its_first_message(queue):
    alarms = _queue_alarms(queue, "ApproximateNumberOfMessagesVisible")
    assert alarms and all(a["Properties"]["Threshold"] == 0 for a in alarms), queue
    assert RESOURCES[queue]["Properties"].get("MessageRetentionPeriod") == 1209600, "DLQs keep messages 14 days"


@pytest.mark.parametrize("queue", sorted(name for name, q in of_type("AWS::SQS::Queue").items()
                                          if "RedrivePolicy" in q["Properties"]))
def test_a_failing_message_lives_long_enough_to_reach_its_dead_letter_queue(queue):
    # SQS moves a message after maxReceiveCount receives, each one visibility timeout apart; a message
    # that expires first (retention default 4 days, or as set) vanishes without ever alarming.
    props = RESOURCES[queue]["Properties"]
    visibility = props.get("VisibilityTimeout", 30)
    retention = props.get("MessageRetentionPeriod", 345600)
    assert retention > visibility * props["RedrivePolicy"]["maxReceiveCount"], queue


@pytest.mark.parametrize("queue", sorted(event_source_queues()))
def test_every_consumed_queue_alarms_on_message_age(queue):
    assert _queue_alarms(queue, "ApproximateAgeOfOldestMessage"), f"no age alarm on {queue}"


def test_proxy_node_canary_alarm_fires_when_a_node_is_down_or_the_canary_is_silent():
    canary = next(a for a in ALARMS.values() if a["Properties"]["MetricName"] == "ProxyNodesDown")["Properties"]
    assert canary["TreatMissingData"] == "breaching"
    assert [ref(a) for a in canary["AlarmActions"]] == ["AlarmTopic"]
    schedules = [e for e in FUNCTIONS["ProxyCanaryFunction"]["Properties"]["Events"].values()
                 if e["Type"] == "ScheduleV2"]
    assert schedules and schedules[0]["Properties"]["ScheduleExpression"] == "rate(1 minute)"


def _ingress(group: str) -> list[dict]:
    rules = list(RESOURCES[group]["Properties"].get("SecurityGroupIngress", []))
    rules += [r["Properties"] for r in of_type("AWS::EC2::SecurityGroupIngress").values()
              if ref(r["Properties"]["GroupId"]) == group]
    return rules


def test_no_security_group_admits_the_internet():
    for name in of_type("AWS::EC2::SecurityGroup"):
        for rule in _ingress(name):
            assert "CidrIp" not in rule and "CidrIpv6" not in rule, f"{name} admits an address range: {rule}"


def test_database_reachable_only_from_the_functions_through_rds_proxy():
    database = of_type("AWS::RDS::DBInstance")["Database"]
    props = database["Properties"]
    assert props["PubliclyAccessible"] is False and props["StorageEncrypted"] is True
    assert props.get("ManageMasterUserPassword") is True, "the password lives in a managed Secrets Manager secret"
    assert database["DeletionPolicy"] == "Snapshot" and database["UpdateReplacePolicy"] == "Snapshot"
    subnet_group = RESOURCES[ref(props["DBSubnetGroupName"])]["Properties"]
    assert {ref(s) for s in subnet_group["SubnetIds"]} <= private_subnets()

    proxy = of_type("AWS::RDS::DBProxy")["DatabaseProxy"]["Properties"]
    assert proxy["RequireTLS"] is True and proxy["EngineFamily"] == "POSTGRESQL"
    assert {ref(s) for s in proxy["VpcSubnetIds"]} <= private_subnets()
    assert proxy["Auth"][0]["AuthScheme"] == "SECRETS"

    db_groups = [ref(g) for g in props["VPCSecurityGroups"]]
    proxy_groups = [ref(g) for g in proxy["VpcSecurityGroupIds"]]
    for group in db_groups:
        assert {ref(r["SourceSecurityGroupId"]) for r in _ingress(group)} == set(proxy_groups), group
    for group in proxy_groups:
        rules = _ingress(group)
        assert {ref(r["SourceSecurityGroupId"]) for r in rules} == {"FunctionSecurityGroup"}, group
        assert all(r["FromPort"] == r["ToPort"] == 5432 for r in rules)


def test_the_created_database_alarms_on_cpu_and_storage():
    watched = {a["Properties"]["MetricName"] for a in ALARMS.values()
               if any(ref(d["Value"]) == "Database" for d in a["Properties"].get("Dimensions", []))
               and [ref(x) for x in a["Properties"]["AlarmActions"]] == ["AlarmTopic"]
               and a.get("Condition") == "CreateDatabase"}
    assert {"CPUUtilization", "FreeStorageSpace"} <= watched


def test_an_existing_database_skips_every_database_resource():
    assert "UseExistingDatabase" in TEMPLATE["Parameters"]
    for name, res in RESOURCES.items():
        if res["Type"].startswith("AWS::RDS::"):
            assert res.get("Condition") == "CreateDatabase", f"{name} is created even with an existing database"


def test_vpc_endpoints_for_sqs_secrets_manager_and_kms():
    services = set()
    for endpoint in of_type("AWS::EC2::VPCEndpoint").values():
        props = endpoint["Properties"]
        assert props["VpcEndpointType"] == "Interface" and props["PrivateDnsEnabled"] is True
        assert {ref(s) for s in props["SubnetIds"]} <= private_subnets()
        services.add(props["ServiceName"]["Fn::Sub"].rsplit(".", 1)[1])
    assert {"sqs", "secretsmanager", "kms"} <= services


STATEFUL = ("AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::Logs::LogGroup", "AWS::EC2::EIP",
            "AWS::SecretsManager::Secret", "AWS::DynamoDB::Table", "AWS::S3::Bucket")


@pytest.mark.parametrize("name", sorted(n for n, r in RESOURCES.items() if r["Type"] in STATEFUL)
                         + sorted(dead_letter_queues()) + ["ExecutionQueue"])
def test_stateful_resources_survive_delete_and_replacement(name):
    resource = RESOURCES[name]
    assert resource.get("DeletionPolicy") in ("Retain", "Snapshot", "RetainExceptOnCreate"), name
    assert resource.get("UpdateReplacePolicy") in ("Retain", "Snapshot"), name


def test_tracing_is_off_everywhere_or_used():
    assert GLOBAL_FUNCTION["Environment"]["Variables"]["POWERTOOLS_TRACE_DISABLED"] == "true"
    for name, function in FUNCTIONS.items():
        assert function["Properties"].get("Tracing", GLOBAL_FUNCTION.get("Tracing")) in (None, "Disabled"), name


def test_database_facing_concurrency_is_capped():
    executor = FUNCTIONS["DcaExecutorFunction"]["Properties"]
    jobs = executor["Events"]["Jobs"]["Properties"]
    assert ref(jobs["ScalingConfig"]["MaximumConcurrency"]) == "ExecutorMaxConcurrency"
    for name in ("ApiFunction", "TelegramWebhookFunction"):
        assert isinstance(FUNCTIONS[name]["Properties"].get("ReservedConcurrentExecutions"), int), name

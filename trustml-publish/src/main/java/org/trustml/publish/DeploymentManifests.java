package org.trustml.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;

/**
 * Kubernetes manifests for a published package, as YAML built from trees (never by pasting strings).
 *
 * <p>{@link #kserve}: a KServe {@code ServingRuntime} (serving.kserve.io/v1alpha1) named
 * {@code trustml} that runs {@code trustml serve /mnt/models} (KServe's storage initializer copies
 * {@code storageUri} there) and speaks protocol v2, plus the {@code InferenceService}
 * (serving.kserve.io/v1beta1) with {@code protocolVersion: v2} and {@code storageUri} pointing at the
 * package. {@link #kubernetes}: a plain {@code Deployment} that runs {@code trustml serve} on the
 * package in the registry volume, with v2 health probes, and a {@code Service} in front of it.
 */
public final class DeploymentManifests {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DeploymentManifests() {}

    /** The ServingRuntime and InferenceService, as two YAML documents. */
    public static String kserve(PackagedModel model, String storageUri, DeploymentSettings settings) {
        ObjectNode runtime = F.objectNode().put("apiVersion", "serving.kserve.io/v1alpha1").put("kind", "ServingRuntime");
        runtime.putObject("metadata").put("name", "trustml");
        ObjectNode rs = runtime.putObject("spec");
        rs.putArray("supportedModelFormats").addObject().put("name", "trustml").put("version", "1").put("autoSelect", true);
        rs.putArray("protocolVersions").add("v2");
        rs.putArray("containers").add(container("kserve-container", settings.image(), "/mnt/models", settings.port()));

        ObjectNode isvc = F.objectNode().put("apiVersion", "serving.kserve.io/v1beta1").put("kind", "InferenceService");
        metadata(isvc, model);
        ObjectNode m = isvc.putObject("spec").putObject("predictor").putObject("model");
        m.putObject("modelFormat").put("name", "trustml").put("version", "1");
        m.put("runtime", "trustml").put("protocolVersion", "v2").put("storageUri", storageUri);
        return yaml(List.of(runtime, isvc));
    }

    /** The Deployment and Service for {@code trustml serve}, as two YAML documents. */
    public static String kubernetes(PackagedModel model, DeploymentSettings settings) {
        String name = model.name();
        ObjectNode deployment = F.objectNode().put("apiVersion", "apps/v1").put("kind", "Deployment");
        metadata(deployment, model);
        ObjectNode spec = deployment.putObject("spec").put("replicas", settings.replicas());
        spec.putObject("selector").putObject("matchLabels").put("app.kubernetes.io/name", name);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app.kubernetes.io/name", name)
                .put("trustml.org/version", model.version());
        ObjectNode pod = template.putObject("spec");
        String path = "/models/" + name + "/" + model.version();
        ObjectNode c = container("trustml-serve", settings.image(), path, settings.port());
        c.putArray("volumeMounts").addObject().put("name", "registry").put("mountPath", "/models").put("readOnly", true);
        pod.putArray("containers").add(c);
        pod.putArray("volumes").addObject().put("name", "registry").putObject("persistentVolumeClaim")
                .put("claimName", settings.registryClaim()).put("readOnly", true);

        ObjectNode service = F.objectNode().put("apiVersion", "v1").put("kind", "Service");
        metadata(service, model);
        ObjectNode ss = service.putObject("spec");
        ss.putObject("selector").put("app.kubernetes.io/name", name);
        ss.putArray("ports").addObject().put("name", "http").put("port", settings.port())
                .put("targetPort", settings.port()).put("protocol", "TCP");
        return yaml(List.of(deployment, service));
    }

    private static void metadata(ObjectNode resource, PackagedModel model) {
        ObjectNode md = resource.putObject("metadata").put("name", model.name());
        md.putObject("labels").put("app.kubernetes.io/name", model.name()).put("app.kubernetes.io/managed-by", "trustml")
                .put("trustml.org/version", model.version());
        md.putObject("annotations").put("trustml.org/params-sha256", model.paramsHash());
    }

    private static ObjectNode container(String name, String image, String packagePath, int port) {
        ObjectNode c = F.objectNode().put("name", name).put("image", image);
        ArrayNode args = c.putArray("args");
        args.add("serve").add(packagePath).add("--host").add("0.0.0.0").add("--port").add(Integer.toString(port));
        c.putArray("ports").addObject().put("containerPort", port).put("protocol", "TCP");
        c.set("readinessProbe", probe("/v2/health/ready", port));
        c.set("livenessProbe", probe("/v2/health/live", port));
        return c;
    }

    private static ObjectNode probe(String path, int port) {
        ObjectNode p = F.objectNode();
        p.putObject("httpGet").put("path", path).put("port", port);
        p.put("periodSeconds", 10);
        return p;
    }

    private static String yaml(List<JsonNode> documents) {
        StringBuilder out = new StringBuilder();
        for (JsonNode d : documents) {
            try {
                out.append(YAML.writeValueAsString(d));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of strings and numbers always serialises", e);
            }
        }
        return out.toString();
    }
}

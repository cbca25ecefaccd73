package io.egress.bench.benign;

/**
 * The estate's internal services, named as the bundled {@code rules/T1048.003/tuning.yaml} names them
 * (the corpus is the estate that tuning file describes): the FTP servers, Nexus and the staging web
 * server, the mail relay and the provider's outbound relay, the monitoring collectors in the publicly
 * routed datacenter range, the authorized scanner.
 */
public final class Infra {
    /** A service: host name (may be empty), address, port. */
    public record Service(String host, String ip, int port) {
        public String url(String scheme) {
            return scheme + "://" + host + (port == 80 && scheme.equals("http") ? "" : ":" + port);
        }
    }

    public static final String DOMAIN = "corp.example.com";
    public static final String DNS_SERVER = "10.20.0.53";

    public static final Service FTP01 = new Service("ftp01.corp.example.com", "10.20.2.21", 21);
    public static final Service FTP02 = new Service("ftp02.corp.example.com", "10.20.2.22", 21);
    public static final Service NEXUS = new Service("nexus.corp.example.com", "10.20.1.15", 8081);
    public static final Service ARTIFACTORY = new Service("artifactory.corp.example.com", "10.20.1.16", 8082);
    public static final Service STAGING = new Service("staging.corp.example.com", "10.20.1.30", 80);
    public static final Service REGISTRY = new Service("registry.corp.example.com", "10.20.1.17", 5000);
    public static final Service GITLAB = new Service("gitlab.corp.example.com", "10.20.5.10", 443);
    public static final Service ORDERS_API = new Service("orders.svc.corp.example.com", "10.20.7.41", 8080);
    public static final Service INVENTORY_API = new Service("inventory.svc.corp.example.com", "10.20.7.42", 8080);
    public static final Service MAIL_RELAY = new Service("mailrelay01.corp.example.com", "10.20.3.25", 25);
    /** The provider's outbound relay the mail relay and legacy apps hand mail to (tuning: mail-relay-port-25). */
    public static final Service SMARTHOST = new Service("smtp-out.provider.example.net", "198.51.100.25", 25);
    public static final Service RESTIC = new Service("backup01.corp.example.com", "10.20.4.10", 8000);
    public static final Service MINIO = new Service("minio.corp.example.com", "10.20.4.11", 9000);
    public static final Service VEEAM = new Service("vbr01.corp.example.com", "10.20.4.12", 10005);
    public static final Service FILE_SERVER = new Service("fs01.corp.example.com", "10.20.8.5", 445);
    /** Zabbix server and the legacy HTTP collector in the datacenter range 203.0.113.0/24 (tuning: monitoring-agents-plaintext). */
    public static final Service ZABBIX = new Service("zabbix.corp.example.com", "203.0.113.10", 10051);
    public static final Service HTTP_COLLECTOR = new Service("collector.corp.example.com", "203.0.113.20", 8080);
    public static final Service INFLUX = new Service("influx.corp.example.com", "10.20.6.20", 8086);
    public static final Service SPLUNK = new Service("splunk-idx01.corp.example.com", "10.20.6.30", 9997);
    public static final Service LOGSTASH = new Service("logstash.corp.example.com", "10.20.6.31", 5044);
    public static final String PROMETHEUS_IP = "10.20.6.10";
    public static final String SCOM_IP = "10.20.6.40";
    /** The organisation's own internet-facing range, scanned by the authorized scanner. */
    public static final String EXTERNAL_PREFIX = "81.2.69.";

    private Infra() {
    }
}

package io.egress.telemetry.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpClassifierTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "8.8.8.8, Public",
        "93.184.216.34, Public",
        "10.0.0.1, Private",
        "10.255.255.255, Private",
        "172.16.0.1, Private",
        "172.31.255.254, Private",
        "172.32.0.1, Public",
        "172.15.255.255, Public",
        "192.168.1.10, Private",
        "127.0.0.1, Loopback",
        "127.255.0.9, Loopback",
        "169.254.169.254, Private",
        "100.64.0.1, Private",
        "100.128.0.1, Public",
        "0.0.0.0, Reserved",
        "255.255.255.255, Broadcast",
        "224.0.0.251, Reserved",
        "239.255.255.250, Reserved",
        "240.0.0.1, Reserved",
        "192.0.2.1, Reserved",
        "::1, Loopback",
        "::, Reserved",
        "fe80::1, Private",
        "fe80::1%eth0, Private",
        "fd12:3456::1, Private",
        "fc00::1, Private",
        "2001:0:4136:e378::1, Teredo",
        "::ffff:10.0.0.1, FourToSixMapping",
        "::ffff:8.8.8.8, FourToSixMapping",
        "2002:c000:0204::1, Public",
        "2001:4860:4860::8888, Public",
        "2001:db8::1, Reserved",
        "ff02::1, Reserved",
        "'', ''",
        "not-an-ip, ''",
        "999.1.1.1, ''",
        "example.com, ''",
    })
    void classifiesLikeDefender(String ip, String expected) {
        assertThat(IpClassifier.classify(ip)).isEqualTo(expected);
    }
}

package dev.waagent.twilio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioAddressesAndAccountAuthTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";

    @Test
    void customerIdsAreDigitsLikeWaIdAndBsuidsStayAsWritten() {
        assertThat(TwilioAddresses.customerId("whatsapp:+14155238886")).isEqualTo("14155238886");
        assertThat(TwilioAddresses.customerId("whatsapp:US.1234")).isEqualTo("US.1234");
        assertThat(TwilioAddresses.customerId("whatsapp:IN.ENT.9081726354")).isEqualTo("IN.ENT.9081726354");
        assertThat(TwilioAddresses.customerId("+12345")).isEqualTo("12345");
        assertThat(TwilioAddresses.customerId(" ")).isNull();
        assertThat(TwilioAddresses.customerId(null)).isNull();
    }

    @Test
    void businessNumbersKeepThePlusAndChannelsAreNamed() {
        assertThat(TwilioAddresses.businessNumber("whatsapp:+14155238886")).isEqualTo("+14155238886");
        assertThat(TwilioAddresses.businessNumber("+12028831111")).isEqualTo("+12028831111");
        assertThat(TwilioAddresses.channelOf("whatsapp:+14155238886")).isEqualTo("whatsapp");
        assertThat(TwilioAddresses.channelOf("WhatsApp:+14155238886")).isEqualTo("whatsapp");
        assertThat(TwilioAddresses.channelOf("+14155238886")).isEqualTo("sms");
    }

    @Test
    void whatsAppAddressesAreBuiltFromEitherIdForm() {
        assertThat(TwilioAddresses.whatsAppAddress("14155238886")).isEqualTo("whatsapp:+14155238886");
        assertThat(TwilioAddresses.whatsAppAddress("+14155238886")).isEqualTo("whatsapp:+14155238886");
        assertThat(TwilioAddresses.whatsAppAddress("US.1234")).isEqualTo("whatsapp:US.1234");
        assertThat(TwilioAddresses.whatsAppAddress("whatsapp:+14155238886")).isEqualTo("whatsapp:+14155238886");
        assertThatThrownBy(() -> TwilioAddresses.whatsAppAddress(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsAreAccountSidColonAuthTokenAndNeverPrintTheToken() {
        TwilioAccountAuth credentials = TwilioAccountAuth.parse(" " + SID + ":s3cr3t-token\n").orElseThrow();

        assertThat(credentials.accountSid()).isEqualTo(SID);
        assertThat(credentials.authToken()).isEqualTo("s3cr3t-token");
        assertThat(credentials.secretValue()).isEqualTo(SID + ":s3cr3t-token");
        assertThat(credentials.toString()).contains(SID).doesNotContain("s3cr3t");
    }

    @Test
    void malformedCredentialsAreRefusedWithoutEchoingThem() {
        assertThat(TwilioAccountAuth.parse("s3cr3t-token")).isEmpty();
        assertThat(TwilioAccountAuth.parse("ACshort:token")).isEmpty();
        assertThat(TwilioAccountAuth.parse(SID + ":")).isEmpty();
        assertThat(TwilioAccountAuth.parse(null)).isEmpty();
        assertThatThrownBy(() -> new TwilioAccountAuth("XX", "s3cr3t"))
                .hasMessageNotContaining("s3cr3t").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWebhookTokenIsTheTokenPartOrABareToken() {
        assertThat(TwilioAccountAuth.authTokenOf(SID + ":s3cr3t")).contains("s3cr3t");
        assertThat(TwilioAccountAuth.authTokenOf("bare-token ")).contains("bare-token");
        assertThat(TwilioAccountAuth.authTokenOf(" ")).isEmpty();
    }
}

"""The transport plugged into lms.accounts.delivery (sign-in codes, password resets): the
configured channel adapter, called at once; SMS text folded and cut to one GSM-7 message."""

from lms.accounts.delivery import DeliveryError, Message

from .channels import OutgoingMessage, SendError, adapter_for
from .texts import sms_fit


def account_message_send(message: Message):
    text = sms_fit(message.text) if message.channel == "sms" else message.text
    outgoing = OutgoingMessage(message.channel, message.idempotency_key, message.to,
                               message.subject, text)
    try:
        return adapter_for(message.channel).send(outgoing)
    except SendError as exc:
        raise DeliveryError(str(exc)) from exc

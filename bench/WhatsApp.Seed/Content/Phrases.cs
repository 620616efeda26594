namespace WhatsApp.Seed.Content;

/// <summary>
/// What customers and agents say, per language (in <c>Language</c> order). Mixed case in every script on purpose,
/// so case-insensitive search can be tested beyond ASCII. <c>{order}</c> becomes the order being discussed.
/// </summary>
internal static class Phrases
{
    public static readonly string[][] Customer =
    [
        [
            "Hi, where is my order {order}?", "I haven't received my package yet.", "Can I change the delivery address?",
            "Thanks, that was quick!", "The item arrived damaged, what should I do?", "Is the store open on Sunday?",
            "I want to cancel ORDER {order}.", "Do you have this in a larger size?", "Please call me back when you can.",
            "My payment went through twice.", "OK", "Great, thank you!", "The courier said nobody was home, but I was there all day.",
        ],
        [
            "Hola, ¿dónde está mi pedido {order}?", "Todavía no he recibido el paquete.", "¿Puedo cambiar la dirección de entrega?",
            "¡Gracias, muy rápido!", "El artículo llegó dañado. ¿Qué hago?", "Quiero cancelar el Pedido {order}.",
            "¿Tienen esta talla en azul?", "Sí, por favor.", "ÁNIMO, ya casi llega.", "El cargo aparece dos veces en mi tarjeta.",
        ],
        [
            "Здравствуйте, где мой заказ {order}?", "Посылка до сих пор не пришла.", "Можно изменить адрес доставки?",
            "Спасибо, всё получил!", "Товар пришёл повреждённым. Что делать?", "Хочу отменить Заказ {order}.",
            "Есть ли этот размер в наличии?", "ДА, ПОДТВЕРЖДАЮ", "Курьер не позвонил, хотя я был дома весь день.", "Ок",
        ],
        [
            "Γεια σας, πού είναι η παραγγελία μου {order};", "Δεν έχω λάβει ακόμα το δέμα.",
            "Μπορώ να αλλάξω τη διεύθυνση παράδοσης;", "Ευχαριστώ πολύ!", "ΤΟ ΠΡΟΪΟΝ ΗΡΘΕ ΣΠΑΣΜΕΝΟ.",
            "Θέλω να ακυρώσω την Παραγγελία {order}.", "Έχετε αυτό το μέγεθος;", "Εντάξει",
        ],
        [
            "مرحبا، أين طلبي {order}؟", "لم أستلم الطرد بعد.", "هل يمكنني تغيير عنوان التوصيل؟", "شكرا جزيلا!",
            "وصل المنتج تالفا، ماذا أفعل؟", "أريد إلغاء الطلب {order}.", "هل هذا المقاس متوفر؟", "حسنا",
        ],
        [
            "नमस्ते, मेरा ऑर्डर {order} कहाँ है?", "मुझे अभी तक पार्सल नहीं मिला।", "क्या मैं डिलीवरी का पता बदल सकता हूँ?",
            "धन्यवाद!", "सामान टूटा हुआ आया है।", "मुझे ऑर्डर {order} रद्द करना है।", "क्या यह साइज़ उपलब्ध है?", "ठीक है",
        ],
        [
            "你好，我的订单{order}在哪里？", "我还没有收到包裹。", "可以修改收货地址吗？", "谢谢，收到了！",
            "商品到的时候已经坏了，怎么办？", "我想取消订单{order}。", "这个尺码还有货吗？", "好的",
        ],
    ];

    public static readonly string[][] Agent =
    [
        [
            "Hello! Thanks for reaching out.", "Your order {order} has shipped and should arrive within 2 days.",
            "I'm sorry about that. Could you send a photo of the damage?", "We have refunded the duplicate payment.",
            "Your delivery address has been updated.", "Our stores are open 9am to 6pm, Monday to Saturday.",
            "Is there anything else I can help you with?", "You can track your parcel here: https://track.example.com/{order}",
        ],
        [
            "¡Hola! Gracias por escribirnos.", "Tu pedido {order} ya fue enviado y llegará en dos días.",
            "Lo sentimos mucho. ¿Nos envías una foto del daño?", "Hemos reembolsado el pago duplicado.",
            "¿Hay algo más en lo que pueda ayudarte?",
        ],
        [
            "Здравствуйте! Спасибо за обращение.", "Ваш заказ {order} отправлен и прибудет через два дня.",
            "Приносим извинения. Пришлите, пожалуйста, фото повреждения.", "Мы вернули двойной платёж.",
            "Могу ли я ещё чем-нибудь помочь?",
        ],
        [
            "Γεια σας! Ευχαριστούμε για το μήνυμα.", "Η παραγγελία σας {order} στάλθηκε και θα φτάσει σε δύο ημέρες.",
            "Λυπούμαστε πολύ. Μπορείτε να μας στείλετε μια φωτογραφία;", "Υπάρχει κάτι άλλο που μπορώ να κάνω για εσάς;",
        ],
        [
            "مرحبا! شكرا لتواصلك معنا.", "تم شحن طلبك {order} وسيصل خلال يومين.",
            "نعتذر عن ذلك. هل يمكنك إرسال صورة للضرر؟", "هل هناك أي شيء آخر يمكنني مساعدتك به؟",
        ],
        [
            "नमस्ते! संपर्क करने के लिए धन्यवाद।", "आपका ऑर्डर {order} भेज दिया गया है और दो दिनों में पहुँच जाएगा।",
            "असुविधा के लिए खेद है। कृपया नुकसान की फ़ोटो भेजें।", "क्या मैं आपकी और कोई मदद कर सकता हूँ?",
        ],
        [
            "您好！感谢您的联系。", "您的订单{order}已发货，预计两天内送达。", "非常抱歉。请发一张损坏的照片给我们。",
            "还有什么可以帮您的吗？",
        ],
    ];

    public static readonly string[] Emoji = ["👍", "🙏", "😊", "📦", "✅", "❤️", "😂", "🎉", "👌🏽", "🙏🏼"];

    public static readonly string[] EmojiOnly = ["👍", "🙏🙏", "😂😂😂", "❤️", "👌🏽", "🎉🎉", "😡", "🤔"];
}

import telebot

bot = telebot.TeleBot("8503853422:AA5UDpCXNyx2X9hmlPn9fMH8GY9_N42p7nC")


@bot.message_handler(commands=["start"])
def start(message):
    bot.reply_to(message, "hi")


bot.infinity_polling()

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message numerus="yes">
        <source>{first} – {last}: {routines} of 7 nights with a routine, %n cramp(s)</source>
        <translation>
            <numerusform>{first} – {last}: комплекс — {routines} из 7 ночей, %n судорога</numerusform>
            <numerusform>{first} – {last}: комплекс — {routines} из 7 ночей, %n судороги</numerusform>
            <numerusform>{first} – {last}: комплекс — {routines} из 7 ночей, %n судорог</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{hours}: %n cramp(s)</source>
        <translation>
            <numerusform>{hours}: %n судорога</numerusform>
            <numerusform>{hours}: %n судороги</numerusform>
            <numerusform>{hours}: %n судорог</numerusform>
        </translation>
    </message>
    <message>
        <source>Nights with a routine</source>
        <translation>Ночи с комплексом</translation>
    </message>
    <message>
        <source>Cramps</source>
        <translation>Судороги</translation>
    </message>
    <message>
        <source>Nights with a routine and cramps, per week</source>
        <translation>Ночи с комплексом и судороги по неделям</translation>
    </message>
    <message>
        <source>Cramps by the hour they started</source>
        <translation>Судороги по часу начала</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>A report for your doctor, or the whole diary</source>
        <translation>Отчёт для врача или весь дневник</translation>
    </message>
    <message>
        <source>Report for your doctor (PDF)…</source>
        <translation>Отчёт для врача (PDF)…</translation>
    </message>
    <message>
        <source>One A4 page for your doctor, for the range shown</source>
        <translation>Одна страница A4 для врача за показанный период</translation>
    </message>
    <message>
        <source>The whole diary (CSV)…</source>
        <translation>Весь дневник (CSV)…</translation>
    </message>
    <message>
        <source>Export the diary as CSV</source>
        <translation>Экспорт дневника в CSV</translation>
    </message>
    <message>
        <source>Export a report for your doctor</source>
        <translation>Экспорт отчёта для врача</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) saved to {file}.</source>
        <translation>
            <numerusform>В {file} сохранена %n запись.</numerusform>
            <numerusform>В {file} сохранены %n записи.</numerusform>
            <numerusform>В {file} сохранено %n записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>Report saved to {file}; it lists the {n} most recent of {total} cramps.</source>
        <translation>Отчёт сохранён в {file}; в нём последние {n} из {total} судорог.</translation>
    </message>
    <message>
        <source>Report saved to {file}.</source>
        <translation>Отчёт сохранён в {file}.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Число</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>Counts for the period</source>
        <translation>Итоги за период</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>По неделям</translation>
    </message>
    <message>
        <source>Nights</source>
        <translation>Ночи</translation>
    </message>
    <message>
        <source>Routines done</source>
        <translation>Выполнено комплексов</translation>
    </message>
    <message>
        <source>Nights with a cramp</source>
        <translation>Ночи с судорогой</translation>
    </message>
    <message>
        <source>Cramps: {s}</source>
        <translation>Судороги: {s}</translation>
    </message>
    <message>
        <source>Cramps: severity not noted</source>
        <translation>Судороги: сила не указана</translation>
    </message>
    <message>
        <source>Streak (nights in a row)</source>
        <translation>Серия (ночей подряд)</translation>
    </message>
    <message>
        <source>{n} {severity}</source>
        <translation>{severity}: {n}</translation>
    </message>
    <message>
        <source>{n} not noted</source>
        <translation>не указано: {n}</translation>
    </message>
    <message>
        <source>What your diary shows</source>
        <translation>Что показывает дневник</translation>
    </message>
    <message>
        <source>Streak</source>
        <translation>Серия</translation>
    </message>
    <message>
        <source>When the cramps started</source>
        <translation>Когда начинались судороги</translation>
    </message>
    <message>
        <source>on {nights} of {total} nights</source>
        <translation>в {nights} из {total} ночей</translation>
    </message>
    <message>
        <source>nights in a row with a routine</source>
        <translation>ночей подряд с комплексом</translation>
    </message>
    <message>
        <source>Nights with a routine and cramps, last {n} weeks</source>
        <translation>Ночи с комплексом и судороги, последние недели: {n}</translation>
    </message>
    <message>
        <source>Cramp</source>
        <translation>Судорога</translation>
    </message>
    <message>
        <source>Cramp (relief screen closed early)</source>
        <translation>Судорога (экран помощи закрыт раньше)</translation>
    </message>
    <message>
        <source>Routine: {title}</source>
        <translation>Комплекс: {title}</translation>
    </message>
    <message>
        <source>Routine stopped at {percent}%: {title}</source>
        <translation>Комплекс остановлен на {percent}%: {title}</translation>
    </message>
    <message>
        <source>Not saved yet: Unknot keeps it and tries again.</source>
        <translation>Пока не сохранено: Unknot держит запись у себя и попробует ещё раз.</translation>
    </message>
    <message numerus="yes">
        <source>%n cramp(s)</source>
        <translation>
            <numerusform>%n судорога</numerusform>
            <numerusform>%n судороги</numerusform>
            <numerusform>%n судорог</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n routine(s) done</source>
        <translation>
            <numerusform>%n выполненный комплекс</numerusform>
            <numerusform>%n выполненных комплекса</numerusform>
            <numerusform>%n выполненных комплексов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deletion(s)</source>
        <translation>
            <numerusform>%n удаление</numerusform>
            <numerusform>%n удаления</numerusform>
            <numerusform>%n удалений</numerusform>
        </translation>
    </message>
    <message>
        <source> and </source>
        <translation> и </translation>
    </message>
    <message>
        <source>{what} are not saved yet</source>
        <translation>Пока не сохранено: {what}</translation>
    </message>
    <message>
        <source>{what} is not saved yet</source>
        <translation>Пока не сохранено: {what}</translation>
    </message>
    <message>
        <source>Unknot keeps it aside.</source>
        <translation>Unknot хранит это отдельно.</translation>
    </message>
    <message>
        <source>Unknot keeps them aside.</source>
        <translation>Unknot хранит их отдельно.</translation>
    </message>
    <message>
        <source>Unknot keeps it and tries again.</source>
        <translation>Unknot держит это у себя и попробует ещё раз.</translation>
    </message>
    <message>
        <source>Unknot keeps them and tries again.</source>
        <translation>Unknot держит их у себя и попробует ещё раз.</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Пока не сохранено</translation>
    </message>
    <message>
        <source>The diary cannot take it now, and Unknot could not keep it on disk either. If Unknot quits, it is lost.</source>
        <translation>Дневник сейчас не принимает записи, и сохранить их на диск Unknot тоже не смог. Если закрыть Unknot, они пропадут.</translation>
    </message>
    <message>
        <source>Keep Unknot open</source>
        <translation>Не закрывать Unknot</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>Сохранить в файл…</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Всё равно выйти</translation>
    </message>
    <message>
        <source>Save what is not saved yet</source>
        <translation>Сохранить несохранённое</translation>
    </message>
    <message>
        <source>Unknot records (*.jsonl)</source>
        <translation>Записи Unknot (*.jsonl)</translation>
    </message>
    <message>
        <source>4 weeks</source>
        <translation>4 недели</translation>
    </message>
    <message>
        <source>Show the last 4 weeks</source>
        <translation>Показать последние 4 недели</translation>
    </message>
    <message>
        <source>12 weeks</source>
        <translation>12 недель</translation>
    </message>
    <message>
        <source>Show the last 12 weeks</source>
        <translation>Показать последние 12 недель</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>Show the last year</source>
        <translation>Показать последний год</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>Show everything since the diary began</source>
        <translation>Показать всё с начала дневника</translation>
    </message>
    <message>
        <source>Show the last</source>
        <translation>Показать за последние</translation>
    </message>
    <message>
        <source>Diary views</source>
        <translation>Разделы дневника</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Цифры</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <source>Cramps and routines, most recent first</source>
        <translation>Судороги и комплексы, сначала последние</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Add a cramp…</source>
        <translation>Добавить судорогу…</translation>
    </message>
    <message>
        <source>Add routine done…</source>
        <translation>Добавить выполненный комплекс…</translation>
    </message>
    <message>
        <source>A routine you did without Unknot</source>
        <translation>Комплекс, выполненный без Unknot</translation>
    </message>
    <message>
        <source>The diary could not be opened.</source>
        <translation>Не удалось открыть дневник.</translation>
    </message>
    <message>
        <source>There is nothing to show here just now; routines and the relief screen work as usual, and what you record is kept.</source>
        <translation>Сейчас здесь нечего показать; комплексы и экран помощи работают как обычно, а ваши записи сохраняются.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be read and were left as they are.</source>
        <translation>
            <numerusform>Не удалось прочитать %n запись, она оставлена как есть.</numerusform>
            <numerusform>Не удалось прочитать %n записи, они оставлены как есть.</numerusform>
            <numerusform>Не удалось прочитать %n записей, они оставлены как есть.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cramp saved.</source>
        <translation>Судорога записана.</translation>
    </message>
    <message>
        <source>Cramp changed.</source>
        <translation>Запись о судороге изменена.</translation>
    </message>
    <message>
        <source>Routine saved.</source>
        <translation>Комплекс записан.</translation>
    </message>
    <message>
        <source>Routine changed.</source>
        <translation>Запись о комплексе изменена.</translation>
    </message>
    <message>
        <source>Delete from the diary</source>
        <translation>Удалить из дневника</translation>
    </message>
    <message>
        <source>Delete this record?</source>
        <translation>Удалить эту запись?</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Это нельзя отменить.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Удалено.</translation>
    </message>
    <message>
        <source>Change a cramp</source>
        <translation>Изменить запись о судороге</translation>
    </message>
    <message>
        <source>Add a cramp</source>
        <translation>Добавить судорогу</translation>
    </message>
    <message>
        <source>Times are as you lived them, on the clock where you were.</source>
        <translation>Время указывается так, как было на часах там, где вы находились.</translation>
    </message>
    <message>
        <source>Note a cramp you had, for example last night around 3:00.</source>
        <translation>Запишите судорогу, которая у вас была, например прошлой ночью около 3:00.</translation>
    </message>
    <message>
        <source>Anything you want to remember</source>
        <translation>Всё, что хотите запомнить</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Началась</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Закончилась</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>Нога</translation>
    </message>
    <message>
        <source>How bad</source>
        <translation>Сила</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>not noted</source>
        <translation>не указано</translation>
    </message>
    <message>
        <source>Night of {day}</source>
        <translation>Ночь на {day}</translation>
    </message>
    <message>
        <source>routine done</source>
        <translation>комплекс выполнен</translation>
    </message>
    <message>
        <source>no routine</source>
        <translation>без комплекса</translation>
    </message>
    <message>
        <source>{cramps}, worst: {worst}</source>
        <translation>{cramps}, самая сильная: {worst}</translation>
    </message>
    <message>
        <source>{cramps}, severity not noted</source>
        <translation>{cramps}, сила не указана</translation>
    </message>
    <message>
        <source>no cramp</source>
        <translation>без судорог</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Предыдущий месяц</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Следующий месяц</translation>
    </message>
    <message>
        <source>cramp, severity not noted</source>
        <translation>судорога, сила не указана</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>лёгкая</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>средняя</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>сильная</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} мин</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} ч {m:02d} мин</translation>
    </message>
    <message>
        <source>not noted {n}</source>
        <translation>не указано: {n}</translation>
    </message>
    <message>
        <source>{app} {version}, made {day}</source>
        <translation>{app} {version}, создан {day}</translation>
    </message>
    <message>
        <source>Calf cramp diary</source>
        <translation>Дневник судорог в икрах</translation>
    </message>
    <message>
        <source>By severity</source>
        <translation>По силе</translation>
    </message>
    <message>
        <source>Current streak</source>
        <translation>Текущая серия</translation>
    </message>
    <message numerus="yes">
        <source>Nights of {first} to {last} (%n night(s))</source>
        <translation>
            <numerusform>Ночи с {first} по {last} (%n ночь)</numerusform>
            <numerusform>Ночи с {first} по {last} (%n ночи)</numerusform>
            <numerusform>Ночи с {first} по {last} (%n ночей)</numerusform>
        </translation>
    </message>
    <message>
        <source>A night runs from noon to noon ({hour}): a cramp at {example} belongs to the night before. Times are local, as lived.</source>
        <translation>Ночь считается от полудня до полудня ({hour}): судорога в {example} относится к предыдущей ночи. Время местное, как было на часах.</translation>
    </message>
    <message numerus="yes">
        <source>{n} (on {nights} of %n night(s))</source>
        <translation>
            <numerusform>{n} (в {nights} из %n ночи)</numerusform>
            <numerusform>{n} (в {nights} из %n ночей)</numerusform>
            <numerusform>{n} (в {nights} из %n ночей)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} (on %n night(s))</source>
        <translation>
            <numerusform>{n} (за %n ночь)</numerusform>
            <numerusform>{n} (за %n ночи)</numerusform>
            <numerusform>{n} (за %n ночей)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) in a row with a routine</source>
        <translation>
            <numerusform>%n ночь подряд с комплексом</numerusform>
            <numerusform>%n ночи подряд с комплексом</numerusform>
            <numerusform>%n ночей подряд с комплексом</numerusform>
        </translation>
    </message>
    <message>
        <source>Nights with a routine and nights without</source>
        <translation>Ночи с комплексом и без него</translation>
    </message>
    <message>
        <source>Compared: the nights of the period that are over, from the diary&apos;s first record. A night counts as one with a routine when a routine was played to the end. Nothing is compared with fewer than {n} nights of either kind.</source>
        <translation>Сравниваются прошедшие ночи периода, начиная с первой записи в дневнике. Ночь считается ночью с комплексом, если комплекс выполнен до конца. Если ночей какого-либо вида меньше {n}, сравнение не проводится.</translation>
    </message>
    <message>
        <source>Nights with a routine and cramps, per week, last {n} weeks</source>
        <translation>Ночи с комплексом и судороги по неделям, последние недели: {n}</translation>
    </message>
    <message>
        <source>none in this period</source>
        <translation>за этот период нет</translation>
    </message>
    <message>
        <source>Cramps, most recent first</source>
        <translation>Судороги, сначала последние</translation>
    </message>
    <message>
        <source>Night of</source>
        <translation>Ночь на</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Сила</translation>
    </message>
    <message>
        <source>No cramps recorded in this period.</source>
        <translation>За этот период судорог не записано.</translation>
    </message>
    <message>
        <source>and {n} more (all are in the CSV export)</source>
        <translation>и ещё {n} (все есть в экспорте CSV)</translation>
    </message>
    <message>
        <source>Change a routine</source>
        <translation>Изменить запись о комплексе</translation>
    </message>
    <message>
        <source>Add a routine done</source>
        <translation>Добавить выполненный комплекс</translation>
    </message>
    <message>
        <source>Note a routine you did without Unknot, for example your evening stretch.</source>
        <translation>Запишите комплекс, выполненный без Unknot, например вечернюю растяжку.</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Комплекс</translation>
    </message>
    <message>
        <source>How much</source>
        <translation>Сколько</translation>
    </message>
    <message>
        <source>Part done</source>
        <translation>Выполнено частично</translation>
    </message>
    <message>
        <source>All of it</source>
        <translation>Полностью</translation>
    </message>
    <message>
        <source>Stopped part-way</source>
        <translation>Остановлен на полпути</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Тревожные признаки</translation>
    </message>
    <message>
        <source>When to get help (F1 or W)</source>
        <translation>Когда обращаться за помощью (F1 или W)</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Каждый день</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>По будням</translation>
    </message>
    <message>
        <source>Weekends</source>
        <translation>По выходным</translation>
    </message>
    <message>
        <source>No days</source>
        <translation>Ни одного дня</translation>
    </message>
    <message>
        <source>off</source>
        <translation>выключено</translation>
    </message>
    <message>
        <source>tonight {time}</source>
        <translation>сегодня вечером в {time}</translation>
    </message>
    <message>
        <source>today {time}</source>
        <translation>сегодня в {time}</translation>
    </message>
    <message>
        <source>tomorrow {time}</source>
        <translation>завтра в {time}</translation>
    </message>
    <message>
        <source>next {day} {time}</source>
        <translation>{day}, {time}</translation>
    </message>
    <message>
        <source>{date}, {time}</source>
        <translation>{date}, {time}</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Приостановлено</translation>
    </message>
    <message>
        <source>Next: {when}</source>
        <translation>Следующее: {when}</translation>
    </message>
    <message>
        <source>Reminders paused</source>
        <translation>Напоминания приостановлены</translation>
    </message>
    <message>
        <source>Reminders paused until {when}</source>
        <translation>Напоминания приостановлены до: {when}</translation>
    </message>
    <message>
        <source>Done tonight</source>
        <translation>Сегодня уже выполнено</translation>
    </message>
    <message>
        <source>No reminders set</source>
        <translation>Напоминаний нет</translation>
    </message>
    <message>
        <source>Next reminder: {when}</source>
        <translation>Следующее напоминание: {when}</translation>
    </message>
    <message>
        <source>Cramp now</source>
        <translation>Свело ногу</translation>
    </message>
    <message>
        <source>Start tonight&apos;s routine</source>
        <translation>Начать вечерний комплекс</translation>
    </message>
    <message>
        <source>Pause reminders</source>
        <translation>Приостановить напоминания</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>На 1 час</translation>
    </message>
    <message>
        <source>Tonight</source>
        <translation>На сегодня</translation>
    </message>
    <message>
        <source>Until I resume</source>
        <translation>Пока не включу снова</translation>
    </message>
    <message>
        <source>Resume reminders</source>
        <translation>Возобновить напоминания</translation>
    </message>
    <message>
        <source>Open Unknot</source>
        <translation>Открыть Unknot</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Last step: get ready</source>
        <translation>Последний шаг: приготовьтесь</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Приготовьтесь</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Задержитесь</translation>
    </message>
    <message>
        <source>Move with the picture</source>
        <translation>Двигайтесь вместе с рисунком</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Продолжайте</translation>
    </message>
    <message>
        <source>Relax</source>
        <translation>Отдых</translation>
    </message>
    <message>
        <source>Switch legs</source>
        <translation>Смените ногу</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>Левая нога</translation>
    </message>
    <message>
        <source>Right leg</source>
        <translation>Правая нога</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} из {total}</translation>
    </message>
    <message>
        <source>One a second</source>
        <translation>Раз в секунду</translation>
    </message>
    <message>
        <source>One every {n} seconds</source>
        <translation>Раз в {n} с</translation>
    </message>
    <message>
        <source>Set {n} of {total}</source>
        <translation>Подход {n} из {total}</translation>
    </message>
    <message>
        <source>Rep {n} of {total}</source>
        <translation>Повтор {n} из {total}</translation>
    </message>
    <message>
        <source>Next: {name}</source>
        <translation>Далее: {name}</translation>
    </message>
    <message>
        <source>This is the last step</source>
        <translation>Это последний шаг</translation>
    </message>
    <message>
        <source>Last part: then you are done</source>
        <translation>Последняя часть, и всё</translation>
    </message>
    <message>
        <source>Next: relax</source>
        <translation>Далее: отдых</translation>
    </message>
    <message>
        <source>Next: switch to your left leg</source>
        <translation>Далее: смените ногу на левую</translation>
    </message>
    <message>
        <source>Next: switch to your right leg</source>
        <translation>Далее: смените ногу на правую</translation>
    </message>
    <message>
        <source>Next: switch legs</source>
        <translation>Далее: смените ногу</translation>
    </message>
    <message>
        <source>Next: one last hold</source>
        <translation>Далее: последнее удержание</translation>
    </message>
    <message>
        <source>Next: hold again</source>
        <translation>Далее: снова удержание</translation>
    </message>
    <message>
        <source>Next: the last set</source>
        <translation>Далее: последний подход</translation>
    </message>
    <message>
        <source>Next: another set</source>
        <translation>Далее: ещё подход</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>Осталось {time}</translation>
    </message>
    <message>
        <source>bedtime</source>
        <translation>перед сном</translation>
    </message>
    <message>
        <source>calf</source>
        <translation>икры</translation>
    </message>
    <message>
        <source>daytime</source>
        <translation>днём</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>вечером</translation>
    </message>
    <message>
        <source>fitness</source>
        <translation>физическая форма</translation>
    </message>
    <message>
        <source>gentle</source>
        <translation>мягко</translation>
    </message>
    <message>
        <source>pregnancy</source>
        <translation>беременность</translation>
    </message>
    <message>
        <source>relief</source>
        <translation>помощь при судороге</translation>
    </message>
    <message>
        <source>seated</source>
        <translation>сидя</translation>
    </message>
    <message>
        <source>short</source>
        <translation>коротко</translation>
    </message>
    <message>
        <source>strength</source>
        <translation>сила</translation>
    </message>
    <message>
        <source>stretching</source>
        <translation>растяжка</translation>
    </message>
    <message>
        <source>yesterday {time}</source>
        <translation>вчера в {time}</translation>
    </message>
    <message>
        <source>No sound device could be opened; the cues are shown on screen only.</source>
        <translation>Не удалось открыть звуковое устройство; сигналы показываются только на экране.</translation>
    </message>
    <message>
        <source>There is no tray here; Unknot stays as a minimised window.</source>
        <translation>Области уведомлений здесь нет; Unknot останется свёрнутым окном.</translation>
    </message>
    <message>
        <source>Unknot cannot write its folder ({problem}); changes are not saved.</source>
        <translation>Unknot не может писать в свою папку ({problem}); изменения не сохраняются.</translation>
    </message>
    <message>
        <source>Reminders could not start; see the log.</source>
        <translation>Не удалось запустить напоминания; подробности в журнале.</translation>
    </message>
    <message>
        <source>Line {line}: {message}</source>
        <translation>Строка {line}: {message}</translation>
    </message>
    <message>
        <source>Part of this file could not be used; the rest of Unknot works as usual.</source>
        <translation>Часть этого файла не удалось использовать; остальное в Unknot работает как обычно.</translation>
    </message>
    <message>
        <source>It is used, with a placeholder where something is missing.</source>
        <translation>Файл используется, а там, где чего-то не хватает, стоит заглушка.</translation>
    </message>
    <message>
        <source>Problems in routine files</source>
        <translation>Ошибки в файлах комплексов</translation>
    </message>
    <message>
        <source>Unknot could not read everything in these files, so it left out what it could not understand. If you made or changed one of them, each line below says where to look.</source>
        <translation>Unknot не смог прочитать эти файлы целиком и пропустил то, что не понял. Если вы создавали или меняли один из них, в каждой строке ниже сказано, где искать.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Скопировать подробности</translation>
    </message>
    <message>
        <source>Every problem as file:line:column, to paste into a report</source>
        <translation>Все ошибки в виде файл:строка:столбец, чтобы вставить в сообщение</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Before you start</source>
        <translation>Прежде чем начать</translation>
    </message>
    <message>
        <source>I understand</source>
        <translation>Понятно</translation>
    </message>
    <message>
        <source>{file} could not be read ({reason}). Unknot is using its defaults.</source>
        <translation>Не удалось прочитать {file} ({reason}). Unknot использует настройки по умолчанию.</translation>
    </message>
    <message>
        <source>Your diary could not be read ({reason}). It was kept as {kept}, and a new diary has been started.</source>
        <translation>Не удалось прочитать ваш дневник ({reason}). Он сохранён как {kept}, начат новый дневник.</translation>
    </message>
    <message>
        <source>Your {file} could not be read ({reason}). It was kept as {kept}, and Unknot is using default settings for now.</source>
        <translation>Не удалось прочитать ваш файл {file} ({reason}). Он сохранён как {kept}, а Unknot пока использует настройки по умолчанию.</translation>
    </message>
    <message>
        <source>Unknot could not save {file}: {reason}. The previous copy is unchanged.</source>
        <translation>Unknot не смог сохранить {file}: {reason}. Предыдущая копия не изменилась.</translation>
    </message>
    <message>
        <source>There is no routine called “{id}”.</source>
        <translation>Комплекса «{id}» нет.</translation>
    </message>
    <message>
        <source>Something went wrong inside Unknot. It has been written to the log.</source>
        <translation>В Unknot произошла ошибка. Она записана в журнал.</translation>
    </message>
    <message>
        <source>The diary is in use by another program. Unknot keeps new records and tries again.</source>
        <translation>Дневник занят другой программой. Unknot держит новые записи у себя и попробует ещё раз.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing can be saved to the diary. Unknot shows what it can read, keeps new records and tries again.</source>
        <translation>Диск заполнен, поэтому в дневник ничего нельзя сохранить. Unknot показывает то, что может прочитать, держит новые записи у себя и попробует ещё раз.</translation>
    </message>
    <message>
        <source>The diary can only be read here ({reason}), so nothing can be saved to it. Unknot keeps new records and tries again.</source>
        <translation>Дневник здесь доступен только для чтения ({reason}), сохранить в него ничего нельзя. Unknot держит новые записи у себя и попробует ещё раз.</translation>
    </message>
    <message>
        <source>This diary was written by a newer version of Unknot (schema {schema}). Unknot leaves it as it is and keeps new records aside for that version.</source>
        <translation>Этот дневник записан более новой версией Unknot (схема {schema}). Unknot оставляет его как есть и хранит новые записи отдельно для той версии.</translation>
    </message>
    <message>
        <source>Your diary was damaged ({reason}). It was kept as {kept}, and a new diary has been started.</source>
        <translation>Ваш дневник повреждён ({reason}). Он сохранён как {kept}, начат новый дневник.</translation>
    </message>
    <message>
        <source>The diary could not be opened ({reason}). Unknot keeps new records and tries again.</source>
        <translation>Не удалось открыть дневник ({reason}). Unknot держит новые записи у себя и попробует ещё раз.</translation>
    </message>
    <message>
        <source>left leg</source>
        <translation>левая нога</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>правая нога</translation>
    </message>
    <message>
        <source>left</source>
        <translation>левая</translation>
    </message>
    <message>
        <source>right</source>
        <translation>правая</translation>
    </message>
    <message>
        <source>both legs</source>
        <translation>обе ноги</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} с</translation>
    </message>
    <message>
        <source>{hold} hold</source>
        <translation>удержание {hold}</translation>
    </message>
    <message>
        <source>{reps} × {hold} hold</source>
        <translation>{reps} × удержание {hold}</translation>
    </message>
    <message>
        <source>{reps} reps</source>
        <translation>повторов: {reps}</translation>
    </message>
    <message>
        <source>{sets} sets</source>
        <translation>подходов: {sets}</translation>
    </message>
    <message>
        <source>each leg</source>
        <translation>каждая нога</translation>
    </message>
    <message>
        <source>Unknot will speak this language when it starts again.</source>
        <translation>Unknot перейдёт на этот язык при следующем запуске.</translation>
    </message>
    <message numerus="yes">
        <source>%n night(s)</source>
        <translation>
            <numerusform>%n ночь</numerusform>
            <numerusform>%n ночи</numerusform>
            <numerusform>%n ночей</numerusform>
        </translation>
    </message>
    <message>
        <source>no cramps</source>
        <translation>судорог нет</translation>
    </message>
    <message>
        <source>fewer than {rate} cramps a night</source>
        <translation>меньше {rate} судороги за ночь</translation>
    </message>
    <message>
        <source>{rate} cramps a night</source>
        <translation>{rate} судороги за ночь</translation>
    </message>
    <message numerus="yes">
        <source>Not enough nights to compare yet. This needs at least %n nights with a routine and %n without in the range shown; so far there are {with_nights} and {without_nights}.</source>
        <translation>
            <numerusform>Сравнивать пока рано. Для этого в показанном периоде нужно не меньше %n ночи с комплексом и %n без него; пока их {with_nights} и {without_nights}.</numerusform>
            <numerusform>Сравнивать пока рано. Для этого в показанном периоде нужно не меньше %n ночей с комплексом и %n без него; пока их {with_nights} и {without_nights}.</numerusform>
            <numerusform>Сравнивать пока рано. Для этого в показанном периоде нужно не меньше %n ночей с комплексом и %n без него; пока их {with_nights} и {without_nights}.</numerusform>
        </translation>
    </message>
    <message>
        <source>On nights with a routine you logged {with_rate} ({with_nights}); on nights without, {without_rate} ({without_nights}). This is a pattern in your diary, not proof of cause.</source>
        <translation>В ночи с комплексом вы отмечали {with_rate} ({with_nights}); в ночи без него — {without_rate} ({without_nights}). Это закономерность в вашем дневнике, а не доказательство причины.</translation>
    </message>
    <message numerus="yes">
        <source>%n min since it began</source>
        <translation>
            <numerusform>С начала прошла %n минута</numerusform>
            <numerusform>С начала прошли %n минуты</numerusform>
            <numerusform>С начала прошло %n минут</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files have problems, so parts of them are left out. Everything else works as usual.</source>
        <translation>
            <numerusform>В %n файле есть ошибки, поэтому часть его пропущена. Всё остальное работает как обычно.</numerusform>
            <numerusform>В %n файлах есть ошибки, поэтому их части пропущены. Всё остальное работает как обычно.</numerusform>
            <numerusform>В %n файлах есть ошибки, поэтому их части пропущены. Всё остальное работает как обычно.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AftercarePage</name>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Close the relief screen (Enter)</source>
        <translation>Закрыть экран помощи (Enter)</translation>
    </message>
    <message>
        <source>Rest now. Good night.</source>
        <translation>Теперь отдохните. Спокойной ночи.</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <source>Where are you?</source>
        <translation>Где вы сейчас?</translation>
    </message>
    <message>
        <source>In bed</source>
        <translation>В кровати</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>Стоя</translation>
    </message>
    <message>
        <source>Pregnant, older or unsteady on your feet</source>
        <translation>Беременность, пожилой возраст или неустойчивость на ногах</translation>
    </message>
    <message>
        <source>Gentler standing steps, always holding a support</source>
        <translation>Более мягкие шаги стоя, всегда держась за опору</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <source>Close without recording a cramp (Esc)</source>
        <translation>Закрыть, не записывая судорогу (Esc)</translation>
    </message>
    <message>
        <source>Enter: {choice}. Arrow keys to change.</source>
        <translation>Enter: {choice}. Стрелки — выбрать другое.</translation>
    </message>
</context>
<context>
    <name>DiaryOverview</name>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
</context>
<context>
    <name>DiaryView</name>
    <message>
        <source>Diary</source>
        <translation>Дневник</translation>
    </message>
</context>
<context>
    <name>EpisodeForm</name>
    <message>
        <source>Three quick questions</source>
        <translation>Три коротких вопроса</translation>
    </message>
    <message>
        <source>Glad it has eased.</source>
        <translation>Хорошо, что отпустило.</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Левая</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Правая</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Обе</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>Лёгкая</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Средняя</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Сильная</translation>
    </message>
    <message>
        <source>Which leg?</source>
        <translation>Какая нога?</translation>
    </message>
    <message>
        <source>How bad?</source>
        <translation>Насколько сильная?</translation>
    </message>
    <message>
        <source>What helped?</source>
        <translation>Что помогло?</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Keep the cramp without details (Esc)</source>
        <translation>Записать судорогу без подробностей (Esc)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save these details (Enter)</source>
        <translation>Сохранить подробности (Enter)</translation>
    </message>
    <message>
        <source>It is in your diary. If you like, say a little more:</source>
        <translation>Судорога записана в дневник. Если хотите, добавьте подробности:</translation>
    </message>
    <message>
        <source>Not saved yet: Unknot keeps it and tries again. If you like, say a little more:</source>
        <translation>Пока не сохранено: Unknot держит запись у себя и попробует ещё раз. Если хотите, добавьте подробности:</translation>
    </message>
</context>
<context>
    <name>FinishedPage</name>
    <message>
        <source>Play again</source>
        <translation>Ещё раз</translation>
    </message>
    <message>
        <source>Back to routines</source>
        <translation>К комплексам</translation>
    </message>
    <message>
        <source>Enter or Esc</source>
        <translation>Enter или Esc</translation>
    </message>
    <message>
        <source>Tip: {tip}</source>
        <translation>Совет: {tip}</translation>
    </message>
    <message>
        <source>Sleep well.</source>
        <translation>Спокойной ночи.</translation>
    </message>
    <message>
        <source>Take it easy.</source>
        <translation>Не торопитесь.</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлено</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>Отлично</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>{routine}, {time}. {farewell}</source>
        <translation>{routine}, {time}. {farewell}</translation>
    </message>
    <message>
        <source>Stopped early</source>
        <translation>Остановлено раньше</translation>
    </message>
    <message>
        <source>You did {percent}% of {routine}.</source>
        <translation>Выполнено {percent}% комплекса «{routine}».</translation>
    </message>
    <message>
        <source>{done} Stopping when you need to is fine. {farewell}</source>
        <translation>{done} Остановиться, когда нужно, — нормально. {farewell}</translation>
    </message>
    <message>
        <source>Skipped: {names}</source>
        <translation>Пропущено: {names}</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Warning signs</source>
        <translation>Тревожные признаки</translation>
    </message>
    <message>
        <source>When to get help (F1)</source>
        <translation>Когда обращаться за помощью (F1)</translation>
    </message>
    <message>
        <source>Cramp now</source>
        <translation>Свело ногу</translation>
    </message>
    <message>
        <source>Step-by-step relief for a cramp happening now (F2)</source>
        <translation>Пошаговая помощь, если ногу свело сейчас (F2)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Назад (Esc)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Комплексы</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Дневник</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
</context>
<context>
    <name>IllustrationWidget</name>
    <message>
        <source>Exercise picture</source>
        <translation>Рисунок упражнения</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Spoken guidance is off: {reason}.</source>
        <translation>Голосовые подсказки выключены: {reason}.</translation>
    </message>
    <message>
        <source>{file} has a problem, so part of it is left out. Everything else works as usual.</source>
        <translation>В файле {file} ошибка, поэтому часть его пропущена. Всё остальное работает как обычно.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>The relief routine file could not be read, so the built-in steps were shown. See Help &gt; Problems in routine files.</source>
        <translation>Файл с помощью при судороге не удалось прочитать, поэтому показаны встроенные шаги. См. Справка &gt; Ошибки в файлах комплексов.</translation>
    </message>
    <message>
        <source>Unknot is in the applications menu, with a “Cramp relief now” action.</source>
        <translation>Unknot добавлен в меню приложений, с действием «Помощь при судороге».</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Скрыть</translation>
    </message>
</context>
<context>
    <name>PauseSign</name>
    <message>
        <source>Space to resume</source>
        <translation>Пробел — продолжить</translation>
    </message>
    <message>
        <source>Paused. Space to resume</source>
        <translation>Пауза. Пробел — продолжить</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <source>Routine player</source>
        <translation>Выполнение комплекса</translation>
    </message>
    <message>
        <source>Space: pause or resume; arrows: previous or next part; Esc: stop; M: sound</source>
        <translation>Пробел: пауза или продолжение; стрелки: предыдущая или следующая часть; Esc: стоп; M: звук</translation>
    </message>
    <message>
        <source>What to do now</source>
        <translation>Что делать сейчас</translation>
    </message>
    <message>
        <source>Seconds left</source>
        <translation>Осталось секунд</translation>
    </message>
    <message>
        <source>Time left in this part, and what to do</source>
        <translation>Сколько осталось в этой части и что делать</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Осторожно</translation>
    </message>
    <message>
        <source>Routine progress</source>
        <translation>Ход комплекса</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Previous part (Left arrow)</source>
        <translation>Предыдущая часть (стрелка влево)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Pause or resume (Space)</source>
        <translation>Пауза или продолжение (пробел)</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Next part (Right arrow)</source>
        <translation>Следующая часть (стрелка вправо)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Stop the routine (Esc)</source>
        <translation>Остановить комплекс (Esc)</translation>
    </message>
    <message>
        <source>Sound on or off (M)</source>
        <translation>Звук вкл. или выкл. (M)</translation>
    </message>
    <message>
        <source>Sound: off</source>
        <translation>Звук: выкл.</translation>
    </message>
    <message>
        <source>Sound: on</source>
        <translation>Звук: вкл.</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>Шаг {n} из {total}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Приостановлено</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Rep {count}</source>
        <translation>Повтор {count}</translation>
    </message>
    <message>
        <source>1 second left</source>
        <translation>Осталась 1 секунда</translation>
    </message>
    <message>
        <source>{n} seconds left</source>
        <translation>Осталось секунд: {n}</translation>
    </message>
</context>
<context>
    <name>ProgressDots</name>
    <message>
        <source>Step {n} of {total}</source>
        <translation>Шаг {n} из {total}</translation>
    </message>
</context>
<context>
    <name>ReliefStepsPage</name>
    <message>
        <source>This cramp has lasted 10 minutes.</source>
        <translation>Судорога длится уже 10 минут.</translation>
    </message>
    <message>
        <source>Get urgent care</source>
        <translation>Обратитесь за медицинской помощью</translation>
    </message>
    <message>
        <source>Caution</source>
        <translation>Осторожно</translation>
    </message>
    <message>
        <source>Time since the cramp began</source>
        <translation>Время с начала судороги</translation>
    </message>
    <message>
        <source>Seconds left on this step</source>
        <translation>Осталось секунд на этом шаге</translation>
    </message>
    <message>
        <source>The step before (Left arrow)</source>
        <translation>Предыдущий шаг (стрелка влево)</translation>
    </message>
    <message>
        <source>The step before</source>
        <translation>Предыдущий шаг</translation>
    </message>
    <message>
        <source>It&apos;s gone</source>
        <translation>Прошло</translation>
    </message>
    <message>
        <source>The cramp is over (Enter)</source>
        <translation>Судорога прошла (Enter)</translation>
    </message>
    <message>
        <source>The next step (Right arrow)</source>
        <translation>Следующий шаг (стрелка вправо)</translation>
    </message>
    <message>
        <source>The next step</source>
        <translation>Следующий шаг</translation>
    </message>
    <message>
        <source>1 second left on this step</source>
        <translation>На этом шаге осталась 1 секунда</translation>
    </message>
    <message>
        <source>{n} seconds left on this step</source>
        <translation>Осталось секунд на этом шаге: {n}</translation>
    </message>
    <message>
        <source>Round {n}</source>
        <translation>Круг {n}</translation>
    </message>
    <message>
        <source>Under a minute since it began</source>
        <translation>Прошло меньше минуты</translation>
    </message>
</context>
<context>
    <name>ReliefView</name>
    <message>
        <source>Cramp relief</source>
        <translation>Помощь при судороге</translation>
    </message>
    <message>
        <source>Enter: the next choice; arrows: steps; Esc: back; F1: warning signs</source>
        <translation>Enter: следующий выбор; стрелки: шаги; Esc: назад; F1: тревожные признаки</translation>
    </message>
    <message>
        <source>If one calf is swollen, warm, red or darker, don&apos;t rub or stretch it: get it checked today.</source>
        <translation>Если одна икра отекла, стала тёплой, красной или темнее другой, не растирайте и не растягивайте её: покажитесь врачу сегодня же.</translation>
    </message>
    <message>
        <source>Get urgent care today (a same-day doctor or an urgent-care service) if a cramp lasts more than 10 minutes and stretching doesn&apos;t help.</source>
        <translation>Сегодня же обратитесь за медицинской помощью (к врачу в тот же день или в службу неотложной помощи), если судорога длится больше 10 минут и растяжка не помогает.</translation>
    </message>
</context>
<context>
    <name>ReliefWarningSigns</name>
    <message>
        <source>Warning signs</source>
        <translation>Тревожные признаки</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
</context>
<context>
    <name>ReminderEditor</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Комплекс</translation>
    </message>
    <message>
        <source>Routine to suggest</source>
        <translation>Какой комплекс предложить</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Optional, such as: Stretch, then sleep</source>
        <translation>Необязательно, например: Растяжка — и спать</translation>
    </message>
    <message>
        <source>Message (optional)</source>
        <translation>Сообщение (необязательно)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Leave without saving (Esc)</source>
        <translation>Выйти без сохранения (Esc)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Time of the reminder</source>
        <translation>Время напоминания</translation>
    </message>
    <message>
        <source>15 minutes earlier</source>
        <translation>На 15 минут раньше</translation>
    </message>
    <message>
        <source>15 minutes later</source>
        <translation>На 15 минут позже</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Понедельник</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Вторник</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Среда</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Четверг</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Пятница</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Суббота</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Воскресенье</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Каждый день</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>По будням</translation>
    </message>
    <message>
        <source>Change reminder</source>
        <translation>Изменить напоминание</translation>
    </message>
    <message>
        <source>New reminder</source>
        <translation>Новое напоминание</translation>
    </message>
    <message>
        <source>{id} (not found)</source>
        <translation>{id} (не найден)</translation>
    </message>
    <message>
        <source>None: just remind me</source>
        <translation>Никакой: просто напомнить</translation>
    </message>
</context>
<context>
    <name>ReminderRow</name>
    <message>
        <source>Reminder at {time} on</source>
        <translation>Напоминание в {time} включено</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Edit the reminder at {time}</source>
        <translation>Изменить напоминание в {time}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete the reminder at {time}</source>
        <translation>Удалить напоминание в {time}</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>Unknot is still here</source>
        <translation>Unknot продолжает работать</translation>
    </message>
    <message>
        <source>It keeps your reminders in the tray. Quit from the tray&apos;s menu.</source>
        <translation>Он хранит напоминания в области уведомлений. Выйти можно из её меню.</translation>
    </message>
    <message>
        <source>Unknot keeps running for your reminders</source>
        <translation>Unknot продолжает работать ради напоминаний</translation>
    </message>
    <message>
        <source>Start Unknot again to open its window; quit there with Ctrl+Q.</source>
        <translation>Чтобы открыть окно, запустите Unknot ещё раз; выйти из него можно по Ctrl+Q.</translation>
    </message>
    <message>
        <source>Time for: {routine}</source>
        <translation>Пора: {routine}</translation>
    </message>
    <message>
        <source>This was due at {time}, while the computer was asleep or off.</source>
        <translation>Напоминание было на {time}, когда компьютер спал или был выключен.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <source>Snooze 10 min</source>
        <translation>Отложить на 10 мин</translation>
    </message>
    <message>
        <source>Skip tonight</source>
        <translation>Пропустить сегодня</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Snoozed {n} times already; the reminder is over for tonight.</source>
        <translation>Отложено раз: {n}; на сегодня напоминание закончено.</translation>
    </message>
    <message>
        <source>reminders.yaml has a problem; the last good reminders stay on.</source>
        <translation>В reminders.yaml ошибка; остаются последние исправные напоминания.</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <source>A reminder at bedtime helps the stretches become a habit. It stays quiet once tonight&apos;s routine is done. Snooze puts it off {minutes} minutes, up to {times} times.</source>
        <translation>Напоминание перед сном помогает растяжке стать привычкой. Если сегодняшний комплекс уже выполнен, оно молчит. «Отложить» переносит его на {minutes} минут, не больше {times} раз.</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Напоминание</translation>
    </message>
    <message>
        <source>Start Unknot when I log in, so reminders come</source>
        <translation>Запускать Unknot при входе в систему, чтобы приходили напоминания</translation>
    </message>
    <message>
        <source>Your reminders</source>
        <translation>Ваши напоминания</translation>
    </message>
    <message>
        <source>No reminders yet. Add one for your bedtime.</source>
        <translation>Напоминаний пока нет. Добавьте напоминание ко времени сна.</translation>
    </message>
    <message>
        <source>Add a reminder</source>
        <translation>Добавить напоминание</translation>
    </message>
    <message>
        <source>No reminders could be read from the file.</source>
        <translation>Не удалось прочитать из файла ни одного напоминания.</translation>
    </message>
    <message>
        <source>{file} has a problem, so reminders cannot be changed here until it is fixed ({where}{what}{more}).</source>
        <translation>В файле {file} ошибка, поэтому менять напоминания здесь нельзя, пока она не исправлена ({where}{what}{more}).</translation>
    </message>
    <message>
        <source>; and {n} more</source>
        <translation>; и ещё {n}</translation>
    </message>
    <message>
        <source>Keep a copy and start over</source>
        <translation>Сохранить копию и начать заново</translation>
    </message>
    <message>
        <source>{file} could not be moved aside: {reason}</source>
        <translation>Не удалось отложить {file}: {reason}</translation>
    </message>
    <message>
        <source>The old file was kept as {name}.</source>
        <translation>Старый файл сохранён как {name}.</translation>
    </message>
    <message>
        <source>The reminder at {time} was deleted.</source>
        <translation>Напоминание в {time} удалено.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Choose at least one day.</source>
        <translation>Выберите хотя бы один день.</translation>
    </message>
    <message>
        <source>Unknot could not change whether it starts at login: {reason}</source>
        <translation>Unknot не смог изменить запуск при входе в систему: {reason}</translation>
    </message>
</context>
<context>
    <name>RoutineCard</name>
    <message>
        <source>Tonight</source>
        <translation>На сегодня</translation>
    </message>
    <message>
        <source>Your routine</source>
        <translation>Ваш комплекс</translation>
    </message>
    <message>
        <source>From your own routines folder</source>
        <translation>Из вашей папки с комплексами</translation>
    </message>
</context>
<context>
    <name>RoutineDetailPage</name>
    <message>
        <source>The routine&apos;s steps</source>
        <translation>Шаги комплекса</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Шаги</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Начать</translation>
    </message>
    <message>
        <source>Start the routine (Enter)</source>
        <translation>Начать комплекс (Enter)</translation>
    </message>
    <message>
        <source>{length} · {count} steps</source>
        <translation>{length} · шагов: {count}</translation>
    </message>
    <message>
        <source>{length} · Enter</source>
        <translation>{length} · Enter</translation>
    </message>
    <message>
        <source>Hold each stretch for {n} seconds</source>
        <translation>Удерживать каждую растяжку {n} с</translation>
    </message>
    <message>
        <source>Yes: include “{step}”</source>
        <translation>Да: включить «{step}»</translation>
    </message>
</context>
<context>
    <name>RoutineListPage</name>
    <message>
        <source>Routines</source>
        <translation>Комплексы</translation>
    </message>
    <message>
        <source>Tonight</source>
        <translation>На сегодня</translation>
    </message>
    <message>
        <source>No routines could be loaded.</source>
        <translation>Не удалось загрузить ни одного комплекса.</translation>
    </message>
    <message>
        <source>{reminder}, for {routine}</source>
        <translation>{reminder}, комплекс «{routine}»</translation>
    </message>
    <message>
        <source>Last routine: {when}</source>
        <translation>Последний комплекс: {when}</translation>
    </message>
</context>
<context>
    <name>SideBadge</name>
    <message>
        <source>Which leg</source>
        <translation>Какая нога</translation>
    </message>
</context>
<context>
    <name>Switch</name>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Включено</translation>
    </message>
</context>
<context>
    <name>UrgentPage</name>
    <message>
        <source>Get urgent care</source>
        <translation>Обратитесь за медицинской помощью</translation>
    </message>
    <message>
        <source>This cramp has lasted 10 minutes.</source>
        <translation>Судорога длится уже 10 минут.</translation>
    </message>
    <message>
        <source>Back to the steps</source>
        <translation>Вернуться к шагам</translation>
    </message>
    <message>
        <source>The steps go on (Enter or Esc)</source>
        <translation>Продолжить шаги (Enter или Esc)</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Переход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>&amp;Звук</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Комплексы</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Дневник</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Напоминания</translation>
    </message>
    <message>
        <source>Cramp now</source>
        <translation>Свело ногу</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Night (dim and warm)</source>
        <translation>Ночная (приглушённая и тёплая)</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Во весь экран</translation>
    </message>
    <message>
        <source>Pregnant, older or unsteady on your feet</source>
        <translation>Беременность, пожилой возраст или неустойчивость на ногах</translation>
    </message>
    <message>
        <source>Gentler standing steps for a cramp, always holding a support</source>
        <translation>Более мягкие шаги стоя при судороге, всегда держась за опору</translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation>Меньше движения</translation>
    </message>
    <message>
        <source>Still pictures: no moving poses, no fades</source>
        <translation>Неподвижные рисунки: без движения поз и плавных переходов</translation>
    </message>
    <message>
        <source>Emergency numbers</source>
        <translation>Экстренные номера</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Mute cues</source>
        <translation>Выключить звуковые сигналы</translation>
    </message>
    <message>
        <source>Spoken guidance</source>
        <translation>Голосовые подсказки</translation>
    </message>
    <message>
        <source>Each step read out, for when you cannot see the screen</source>
        <translation>Каждый шаг читается вслух, если вы не видите экран</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Громкость</translation>
    </message>
    <message>
        <source>Night volume</source>
        <translation>Громкость ночью</translation>
    </message>
    <message>
        <source>Night starts at</source>
        <translation>Ночь начинается в</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Тревожные признаки</translation>
    </message>
    <message>
        <source>Disclaimer</source>
        <translation>Важная информация</translation>
    </message>
    <message>
        <source>Add Unknot to the applications menu</source>
        <translation>Добавить Unknot в меню приложений</translation>
    </message>
    <message>
        <source>Problems in routine files</source>
        <translation>Ошибки в файлах комплексов</translation>
    </message>
    <message>
        <source>About Unknot</source>
        <translation>О программе Unknot</translation>
    </message>
    <message>
        <source>From the system ({name}, {number})</source>
        <translation>Из системы ({name}, {number})</translation>
    </message>
    <message>
        <source>{name} {version}

Guided calf stretches for people with night cramps.

To report a problem, attach the log:
{log}
(unknot --debug writes more detail to it)</source>
        <translation>{name} {version}

Растяжка икр с подсказками для тех, у кого бывают ночные судороги.

Чтобы сообщить о проблеме, приложите журнал:
{log}
(unknot --debug пишет в него больше подробностей)</translation>
    </message>
</context>
</TS>
